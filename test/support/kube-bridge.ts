import { startDemoPortal, type DemoPortal } from '../portal/index';
import { startBridgeBrowser, type BridgeSetup } from './bridge-browser';
import { startKubeApiServer, type KubeApiServer } from './kube-api-server';

export interface KubeBridge {
  readonly kube: KubeApiServer;
  readonly portal: DemoPortal;
  readonly setup: BridgeSetup;
  stop(): Promise<void>;
}

/**
 * The stand-in Kubernetes API server (accepting only tokens the portal issued), the demo portal
 * whose k8s config points at it, and a browser signed in there with the bridge installed,
 * approving without asking.
 */
export async function startKubeBridge(): Promise<KubeBridge> {
  // The API server starts first (the portal's k8s config names it), so it asks the portal once both exist.
  const issued = { tokens: (): readonly string[] => [] };
  const kube = await startKubeApiServer((token) => issued.tokens().includes(token));
  const portal = await startDemoPortal({ k8sCluster: { apiServer: kube.url, caBase64: kube.caBase64 } });
  issued.tokens = () => portal.issuedK8sTokens();
  const setup = await startBridgeBrowser(portal, { approvalPolicy: 'never-ask' });
  const stop = async () => {
    await setup.browser.close();
    await portal.stop();
    await kube.stop();
  };
  return { kube, portal, setup, stop };
}
