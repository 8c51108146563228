import { REQUIRED_SECRETS, assertProductionSecrets, findMissingSecrets } from './required-secrets';

const ALL_SECRETS: NodeJS.ProcessEnv = {
  APP_KEYS: 'key1,key2',
  API_TOKEN_SALT: 'salt',
  ADMIN_JWT_SECRET: 'admin-secret',
  TRANSFER_TOKEN_SALT: 'transfer-salt',
  JWT_SECRET: 'jwt-secret',
  ENCRYPTION_KEY: 'encryption-key',
};

describe('findMissingSecrets', () => {
  it('findMissingSecrets - should report nothing when every secret is set', () => {
    expect(findMissingSecrets(ALL_SECRETS)).toEqual([]);
  });

  it('findMissingSecrets - should name every secret, in order, in an empty environment', () => {
    expect(findMissingSecrets({})).toEqual(['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY']);
    expect(findMissingSecrets({})).toEqual([...REQUIRED_SECRETS]);
  });

  it.each(['', '   ', '\t\n'])('findMissingSecrets - should treat the blank value %j as missing', (blank) => {
    expect(findMissingSecrets({ ...ALL_SECRETS, JWT_SECRET: blank })).toEqual(['JWT_SECRET']);
  });

  it('findMissingSecrets - should report only the secrets that are missing', () => {
    const { API_TOKEN_SALT: _salt, ENCRYPTION_KEY: _key, ...rest } = ALL_SECRETS;
    expect(findMissingSecrets(rest)).toEqual(['API_TOKEN_SALT', 'ENCRYPTION_KEY']);
  });

  it('findMissingSecrets - should ignore unrelated variables', () => {
    expect(findMissingSecrets({ NODE_ENV: 'production', SECRET: 'x', jwt_secret: 'lower case' })).toHaveLength(REQUIRED_SECRETS.length);
  });
});

describe('assertProductionSecrets', () => {
  it.each([undefined, 'development', 'test', 'Production'])('assertProductionSecrets - should not throw outside production (NODE_ENV %p)', (nodeEnv) => {
    expect(() => assertProductionSecrets({ NODE_ENV: nodeEnv })).not.toThrow();
  });

  it('assertProductionSecrets - should not throw in production when every secret is set', () => {
    expect(() => assertProductionSecrets({ ...ALL_SECRETS, NODE_ENV: 'production' })).not.toThrow();
  });

  it('assertProductionSecrets - should throw in production naming every missing secret at once, and only those', () => {
    const environment = { ...ALL_SECRETS, NODE_ENV: 'production', APP_KEYS: '', ADMIN_JWT_SECRET: undefined };
    let message = '';
    try {
      assertProductionSecrets(environment);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Newsgraph cannot start in production/);
    expect(/missing secret\(s\) ([A-Z_, ]+)\./.exec(message)?.[1]?.split(', ')).toEqual(['APP_KEYS', 'ADMIN_JWT_SECRET']);
  });

  it('assertProductionSecrets - should throw in production when no secret is set', () => {
    expect(() => assertProductionSecrets({ NODE_ENV: 'production' })).toThrow(`missing secret(s) ${REQUIRED_SECRETS.join(', ')}`);
  });
});
