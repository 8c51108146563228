import config from '.';

describe('newsgraph config validator', () => {
  it('validator - should accept the defaults', () => {
    expect(() => config.validator({ ...config.default })).not.toThrow();
  });

  it('validator - should stop start-up with a message naming a bad flag setting', () => {
    expect(() => config.validator({ ...config.default, flags: { rules: { quote_mismatch: { severity: 'urgent' } } } })).toThrow(
      'newsgraph config: flags.rules.quote_mismatch.severity must be one of low, medium, high'
    );
    expect(() => config.validator({ ...config.default, flags: { publishGuard: 'yes' } })).toThrow('flags.publishGuard must be true or false');
  });

  it('validator - should refuse unknown keys and a non-boolean linking switch', () => {
    expect(() => config.validator({ ...config.default, linkng: true })).toThrow('unknown key "linkng"');
    expect(() => config.validator({ ...config.default, linking: 'no' })).toThrow('"linking" must be true or false');
  });
});
