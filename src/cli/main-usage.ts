import { version } from './version';

/** `duplo-jit-bridge --help`: every command in a line or two. */
export const mainUsage = `duplo-jit-bridge ${version}
Just-in-time AWS credentials from your DuploCloud portal session in the browser.

Usage:
  duplo-jit-bridge aws --host URL (--admin | --duplo-ops | --tenant NAME|ID)
                    print credentials as an AWS credential_process
  duplo-jit-bridge console --host URL (--admin | --tenant NAME|ID) [--region R] [--service S] [--open]
                    print an AWS Console sign-in link
  duplo-jit-bridge duplo --host URL [--token-file PATH] [--interactive]
                    print the portal session for duploctl and Terraform, as duplo-jit does
  duplo-jit-bridge k8s --host URL (--tenant NAME|ID | --plan ID [--admin])
                    print a Kubernetes ExecCredential for kubectl
  duplo-jit-bridge exec --host URL (--admin | --duplo-ops | --tenant NAME|ID) -- COMMAND [ARGS...]
                    run a command with keys the AWS SDKs renew by themselves, for runs
                    longer than the keys' hour (or --env: print them for a shell)
  duplo-jit-bridge serve --host URL (--admin | --duplo-ops | --tenant NAME|ID) [--listen A:P]
                    the same credential endpoint without a command, until Ctrl-C
  duplo-jit-bridge clear-cache [--host URL]
                    forget cached credentials, in files and in the browser
  duplo-jit-bridge populate --host URL [--prefix P] [--admin] [--dry-run] [--prune] [--force]
                    write a profile per tenant into ~/.aws/config
  duplo-jit-bridge install [--browser NAME|all] [--system | --profile-dir DIR]
                    register the native host with your browsers
  duplo-jit-bridge uninstall [...]   remove what install wrote
  duplo-jit-bridge doctor [...]      check each link from the CLI to the browser
  duplo-jit-bridge host ORIGIN       the native host (the browser runs this)
  duplo-jit-bridge version           the version and the commit it was built from
  duplo-jit-bridge --version | --help

Flags follow duplo-jit's (Go) syntax: -tenant dev01, --tenant=dev01, -admin, --admin=true.

"duplo-jit-bridge help COMMAND" shows a command's options.
`;
