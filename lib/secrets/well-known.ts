/**
 * Secrets that must never sign a real token: framework and tutorial defaults, the
 * secrets of widely copied sample tokens, and common words and passwords. A token that
 * verifies with one of these can be forged by anyone. Written for this project.
 */
const DEFAULTS = [
  // Sample tokens and documentation
  'your-256-bit-secret', 'your-384-bit-secret', 'your-512-bit-secret', 'a-string-secret-at-least-256-bits-long',
  'secret', 'Secret', 'SECRET', 'secretkey', 'secret-key', 'secret_key', 'SECRET_KEY', 'secretKey', 'mysecret', 'my-secret', 'my_secret',
  'mySecret', 'MySecret', 'mysecretkey', 'my-secret-key', 'my_secret_key', 'mySecretKey', 'supersecret', 'super-secret', 'super_secret',
  'superSecret', 'supersecretkey', 'super-secret-key', 'super_secret_key', 'topsecret', 'top-secret', 'verysecret', 'very-secret',
  'jwt_secret', 'jwt-secret', 'jwtsecret', 'JWT_SECRET', 'jwtSecret', 'jwt_secret_key', 'jwt-secret-key', 'jwtSecretKey', 'jwtkey',
  'jwt-key', 'jwt_key', 'jwt', 'JWT', 'token', 'token_secret', 'token-secret', 'tokensecret', 'tokenSecret', 'access_token_secret',
  'refresh_token_secret', 'auth_secret', 'auth-secret', 'authsecret', 'AUTH_SECRET', 'app_secret', 'app-secret', 'appsecret',
  'APP_SECRET', 'api_secret', 'api-secret', 'apisecret', 'API_SECRET', 'apikey', 'api_key', 'api-key', 'client_secret', 'client-secret',
  'clientsecret', 'session_secret', 'session-secret', 'sessionsecret', 'SESSION_SECRET', 'signing_key', 'signing-key', 'signingkey',
  'private_key', 'private-key', 'privatekey', 'hmac_secret', 'hmac-secret', 'hmacsecret', 'hs256', 'HS256', 'hs256-secret',
  'shhhhh', 'shhhh', 'shhh', 'shh', 'shhhhhh', 'keyboard cat', 'keyboardcat', 'keyboard-cat', 'changeme', 'change-me', 'change_me',
  'changethis', 'change-this', 'change_this', 'CHANGE_ME', 'changeit', 'change-this-secret', 'change-me-in-production',
  'changeme-in-production', 'replace-me', 'replaceme', 'replace_me', 'placeholder', 'example', 'example-secret', 'example_secret',
  'default', 'default-secret', 'default_secret', 'defaultsecret', 'notasecret', 'not-a-secret', 'not_a_secret', 'notsosecret',
  'not-so-secret', 'insecure', 'insecure-secret', 'dev', 'dev-secret', 'dev_secret', 'devsecret', 'development', 'development-secret',
  'test', 'test-secret', 'test_secret', 'testsecret', 'testing', 'testkey', 'test-key', 'test_key', 'local', 'localsecret',
  'local-secret', 'prod', 'production', 'staging', 'demo', 'demo-secret', 'sample', 'sample-secret', 'key', 'Key', 'KEY', 'mykey',
  'my-key', 'my_key', 'secretpassword', 'secret-password', 'secret123', 'secret1234', 'secret12345', 'Secret123', 'secret!', 's3cr3t',
  's3cret', 'secr3t', 'S3cr3t', 'password', 'Password', 'PASSWORD', 'password1', 'password123', 'Password1', 'Password123', 'passw0rd',
  'p@ssw0rd', 'P@ssw0rd', 'pass', 'pass123', 'qwerty', 'qwerty123', 'qwertyuiop', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'abc',
  'abc123', 'abcd1234', 'abcdef', 'abcdefg', 'abcdefgh', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '123', '1234',
  '12345', '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '000000', '111111', '123123', '654321', '666666',
  '696969', '112233', 'admin', 'Admin', 'admin123', 'administrator', 'root', 'toor', 'user', 'guest', 'login', 'welcome', 'welcome1',
  'letmein', 'trustno1', 'iloveyou', 'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball', 'shadow', 'superman',
  'batman', 'michael', 'jennifer', 'hunter2', 'hello', 'helloworld', 'hello-world', 'hello_world', 'HelloWorld', 'foobar', 'foo', 'bar',
  'baz', 'qux', 'test123', 'test1234', 'testtest', 'qazwsx', '1q2w3e4r', '1qaz2wsx', 'zaq12wsx', 'starwars', 'whatever', 'freedom',
  'killer', 'pokemon', 'secure', 'security', 'private', 'public', 'hidden', 'unknown', 'nothing', 'none', 'null', 'undefined', 'empty',
  'blank', 'true', 'false', 'a', 'x', 'xyz', 'aaaaaa', 'changemeplease', 'pleasechangeme', 'please-change-me', 'todo', 'TODO', 'fixme',
  // Framework, library and tutorial defaults
  'ThisIsMySecretKey', 'thisismysecretkey', 'this-is-my-secret', 'thisismysecret', 'this is my secret', 'this_is_a_secret',
  'this-is-a-secret', 'thisisasecret', 'this is a secret', 'my super secret', 'my super secret key', 'mysupersecretkey',
  'my-super-secret-key', 'my_super_secret_key', 'MySuperSecretKey', 'super secret', 'super secret key', 'SuperSecretKey',
  'somesecret', 'some-secret', 'some_secret', 'some secret', 'somesecretkey', 'some-secret-key', 'anysecret', 'any-secret',
  'random', 'random-secret', 'randomsecret', 'randomstring', 'random_string', 'secretsecret', 'secretsecretsecret', 'keykeykey',
  'nodejs', 'node', 'express', 'expressjs', 'express-secret', 'passport', 'passportjs', 'nestjs', 'nest', 'django', 'django-insecure',
  'flask', 'flask-secret', 'rails', 'laravel', 'spring', 'springboot', 'spring-boot', 'java', 'python', 'golang', 'react', 'angular',
  'vue', 'nextjs', 'next-auth', 'nextauth', 'NEXTAUTH_SECRET', 'supabase', 'firebase', 'auth0', 'okta', 'keycloak', 'strapi', 'parse',
  'meteor', 'loopback', 'feathers', 'hapi', 'koa', 'sails', 'adonis', 'symfony', 'phalcon', 'codeigniter', 'dotnet', 'aspnet',
  'aspnetcore', 'csharp', 'microsoft', 'google', 'github', 'gitlab', 'docker', 'kubernetes', 'heroku', 'aws', 'azure',
  'SecretKeyToGenerateAJSONWebTokens', 'secretKeyToGenerateJWT', 'JWTAuthenticationHIGHsecuredPasswordVVVp1OH7Xzyr',
  'ThisIsASecretKeyForJWTTokenGeneration', 'this-is-a-very-long-secret-key-for-jwt', 'mysecretkeymysecretkeymysecretkey',
  'secretkeysecretkeysecretkeysecretkey', '01234567890123456789012345678901', '12345678901234567890123456789012',
  'abcdefghijklmnopqrstuvwxyz123456', 'qwertyuiopasdfghjklzxcvbnm123456', 'your_jwt_secret', 'your-jwt-secret', 'yourjwtsecret',
  'your_secret', 'your-secret', 'yoursecret', 'your_secret_key', 'your-secret-key', 'yoursecretkey', 'YOUR_SECRET_KEY',
  'YOUR_JWT_SECRET', 'your_jwt_secret_key', 'your-jwt-secret-key', '<your-secret>', 'enter-your-secret', 'insert-secret-here',
  'secret-here', 'SECRET_HERE', 'put-your-secret-here', 'my-32-character-ultra-secure-and-ultra-long-secret',
  'my-256-bit-secret', 'my-512-bit-secret', '256-bit-secret', 'gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr9C', 'Hello, World!', 'hello world',
  'the quick brown fox jumps over the lazy dog', 'lorem ipsum', 'loremipsum', 'Lorem ipsum dolor sit amet',
] as const;

/** The list, without repeats, in the order above. */
export const WELL_KNOWN_SECRETS: readonly string[] = [...new Set<string>(DEFAULTS)];

const SET = new Set(WELL_KNOWN_SECRETS);

/** True when this exact secret text is on the list. */
export function isWellKnownSecret(secret: string): boolean {
  return SET.has(secret);
}
