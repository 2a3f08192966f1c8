/** What reg.exe printed and how it exited. */
export interface RegResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * What install, uninstall and doctor need from the outside world. Tests pass temp folders and
 * other platforms; only the registry runner is ever faked, since reg.exe runs on Windows alone.
 */
export interface SetupIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  /** The node that runs this CLI, or the single executable that is this CLI; the launcher names it by absolute path. */
  readonly execPath: string;
  /** This CLI's own bundle, absolute: what the launcher runs as `host`. Absent when the CLI is a single executable (execPath). */
  readonly bundlePath: string | undefined;
  /** Runs reg.exe with these arguments; needed on Windows only. */
  readonly runReg?: (args: readonly string[]) => Promise<RegResult>;
}
