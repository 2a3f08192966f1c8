/** `duplo-jit-bridge help aws`. */
export const awsUsage = `Usage: duplo-jit-bridge aws --host URL (--admin | --duplo-ops | --tenant NAME|ID) [options]

Prints AWS credentials as a credential_process, from your browser's portal session.
In ~/.aws/config:
  [profile dev01]
  credential_process = duplo-jit-bridge aws --host https://acme.duplocloud.net --tenant dev01

Options:
  --host URL          the DuploCloud portal (required, unless DUPLO_HOST is set)
  --api-host URL      the portal's API, where it differs from --host
  --admin             admin credentials
  --duplo-ops         duplo-ops credentials
  --tenant NAME|ID    one tenant's credentials (under 32 characters: a name)
  --token-file PATH   call the portal directly with the API token in this file, which must
                      be yours and readable by you alone (chmod 600); no browser (for CI)
  --token TOKEN       the same with the token itself; prefer --token-file or DUPLO_TOKEN, since
                      every local user can read a command line
  --otp CODE          MFA code, for admin access on portals that require one (with a token)
  --interactive       when no browser bridge answers, sign in through the portal's page
  --port N            the local port for --interactive (default, or 0: any free one)
  --no-cache          with a token or --interactive: neither read nor write the cache
  --debug             log each step to stderr (secrets masked)
  --version           the version and the commit it was built from
  -h, --help          this help

Flags take one dash or two, as for duplo-jit: -tenant dev01, --tenant=dev01, -admin,
--admin=true. Given more than one of --admin, --duplo-ops and --tenant, the first of them in
that order wins, as for duplo-jit (with a line on stderr).

Environment:
  DUPLO_HOST          the portal, when --host is not given
  DUPLO_TOKEN         an API token for direct mode, when neither --token-file nor --token is
                      given; used only for the portal in DUPLO_HOST when that is set

Where the token comes from, first match wins: --token-file or --token (not both), then
DUPLO_TOKEN, then your browser's portal session (through the browser bridge), and with
--interactive, when no browser answers, the portal's sign-in page.
`;
