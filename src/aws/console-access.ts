/**
 * The host access the console banner needs (the console's pages, every region and
 * multi-session host), asked for only when the user turns the banner on.
 */
export const consoleHostPatterns: readonly string[] = ['https://*.console.aws.amazon.com/*', 'https://console.amazonaws-us-gov.com/*', 'https://console.amazonaws.cn/*'];
