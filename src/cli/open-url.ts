/**
 * Opens a URL in the user's default browser; the URL goes as one argument, never through a
 * shell. `$BROWSER` wins when set, as it does for git and Python's webbrowser.
 */
export async function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, chosen = process.env.BROWSER): Promise<void> {
  // Loaded here, not at the top: node:child_process costs every `aws` run start-up time, and only --interactive and --open use it.
  const { spawn } = await import('node:child_process');
  const [command, args] = chosen
    ? [chosen, [url]]
    : platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['rundll32', ['url.dll,FileProtocolHandler', url]]
        : ['xdg-open', [url]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.once('error', () => reject(new Error(`could not run ${command} to open a browser`)));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
