/**
 * For tests: a real OpenID provider (oidc-provider) on 127.0.0.1, on a port the
 * system picks, with a public client for the page's flow and a confidential
 * resource server that may introspect tokens.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const PUBLIC_CLIENT = 'workbench';
export const RESOURCE_SERVER = 'resource-server';
export const RESOURCE_SERVER_SECRET = "s3cret with 'quotes' $HOME and spaces";

export interface RunningProvider {
  issuer: string;
  redirectUri: string;
  close: () => Promise<void>;
}

/** A public client whose redirect URI is a page's own address (the site under test). */
export interface PageClient {
  clientId: string;
  redirectUri: string;
  /** false: the provider sends no CORS headers for the page, as a provider that does not know its origin. */
  cors: boolean;
}

/** The default rule (clientBasedCORS): an origin may call for a client when one of its redirect URIs is on it. */
const redirectOrigin = (redirectUris: string[], origin: string) => redirectUris.some((uri) => URL.canParse(uri) && new URL(uri).origin === origin);

export async function startProvider(options: { pageClients?: PageClient[] } = {}): Promise<RunningProvider> {
  const pageClients = options.pageClients ?? [];
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const redirectUri = `${issuer}/cb`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: PUBLIC_CLIENT,
        token_endpoint_auth_method: 'none',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
      {
        client_id: RESOURCE_SERVER,
        client_secret: RESOURCE_SERVER_SECRET,
        token_endpoint_auth_method: 'client_secret_post',
        redirect_uris: [],
        grant_types: [],
        response_types: [],
      },
      ...pageClients.map((client) => ({
        client_id: client.clientId,
        token_endpoint_auth_method: 'none',
        redirect_uris: [client.redirectUri],
        // implicit: the token part of code id_token token (an access token from the authorization endpoint).
        grant_types: ['authorization_code', 'refresh_token', 'implicit'],
        response_types: ['code', 'code id_token', 'code id_token token'],
      })),
    ],
    clientBasedCORS: (_ctx: unknown, origin: string, client: { clientId: string; redirectUris: string[] }) =>
      pageClients.find((page) => page.clientId === client.clientId)?.cors === false ? false : redirectOrigin(client.redirectUris, origin),
    // The hybrid types bring an ID token with at_hash and c_hash from the authorization endpoint.
    responseTypes: ['code', 'code id_token', 'code id_token token'],
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: {
      devInteractions: { enabled: true },
      // Any confidential client may introspect; a client may revoke its own tokens.
      introspection: { enabled: true, allowedPolicy: (_ctx: unknown, client: { clientAuthMethod: string }) => client.clientAuthMethod !== 'none' },
      revocation: { enabled: true, allowedPolicy: (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) => token.clientId === client.clientId },
      // Every DPoP proof must carry a server nonce, so the client's retry is exercised.
      dPoP: { enabled: true, nonceSecret: randomBytes(32), requireNonce: () => true },
    },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, RefreshToken: 3600, Interaction: 600, Session: 3600, Grant: 3600 },
    // offline_access yields a refresh token (with prompt=consent).
    scopes: ['openid', 'offline_access', 'profile'],
  });
  // The site under test is served over http on 127.0.0.1: let its page clients use the hybrid
  // types there, which oidc-provider otherwise keeps to https redirect URIs (its documented override).
  const schema = (provider as unknown as { Client: { Schema: { prototype: { invalidate: (message: string, code?: string) => void } } } }).Client.Schema.prototype;
  const invalidate = schema.invalidate;
  schema.invalidate = function (this: unknown, message: string, code?: string) {
    if (code === 'implicit-force-https') return;
    invalidate.call(this, message, code);
  };
  provider.on('server_error', (_ctx, error) => console.error(error));
  server.on('request', provider.callback());
  return {
    issuer,
    redirectUri,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
