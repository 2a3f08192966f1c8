import { version } from './version';

const usage = `duplo-jit-bridge ${version}
Just-in-time AWS credentials from your DuploCloud portal session.

Usage:
  duplo-jit-bridge --version   print the version
  duplo-jit-bridge --help      print this help
`;

function main(argv: readonly string[]): number {
  const [first] = argv;
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h') {
    process.stdout.write(usage);
    return 0;
  }
  process.stderr.write(`duplo-jit-bridge: unknown command "${first}". Run "duplo-jit-bridge --help" for the commands.\n`);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
