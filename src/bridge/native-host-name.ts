/** The native messaging host's name: the extension calls connectNative with it, and the host manifest carries it. */
export const nativeHostName = 'com.duplocloud.jit_bridge';
