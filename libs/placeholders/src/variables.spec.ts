import { referencedKeys } from './find-references-deep.js';
import { referencedVariableKeys, substituteVariablesDeep } from './variables.js';

describe('connection variables', () => {
  const variables = new Map([
    ['SENDGRID_KEY', '$Token{SENDGRID_API_KEY}'],
    ['FROM_EMAIL', 'noreply@example.com'],
  ]);

  it('lists the variables a value references, once each, escaped ones left out', () => {
    const input = { headers: { authorization: 'Bearer $Variable{SENDGRID_KEY}' }, body: { from: '$Variable{FROM_EMAIL}', cc: ['$Variable{FROM_EMAIL}', '\\$Variable{LITERAL}'] } };
    expect(referencedVariableKeys(input)).toEqual(['SENDGRID_KEY', 'FROM_EMAIL']);
  });

  it('does not take secret references for variables, nor variables for secret references', () => {
    expect(referencedVariableKeys({ a: '$Token{X} $Secret{Y} $(secret:Z)' })).toEqual([]);
    expect(referencedKeys({ a: '$Variable{X}' })).toEqual([]);
  });

  it('substitutes variables, whose values may bring in secret references for the secret pass', () => {
    const input = { headers: { authorization: 'Bearer $Variable{SENDGRID_KEY}' }, body: { from: 'Shop <$Variable{FROM_EMAIL}>' } };
    const substituted = substituteVariablesDeep(input, variables);
    expect(substituted).toEqual({ headers: { authorization: 'Bearer $Token{SENDGRID_API_KEY}' }, body: { from: 'Shop <noreply@example.com>' } });
    expect(referencedKeys(substituted)).toEqual(['SENDGRID_API_KEY']);
    expect(input.body.from).toBe('Shop <$Variable{FROM_EMAIL}>');
  });

  it('turns an escaped variable into literal text and leaves secret escapes for the secret pass', () => {
    expect(substituteVariablesDeep({ a: '\\$Variable{FROM_EMAIL} \\$Token{KEEP}' }, variables)).toEqual({ a: '$Variable{FROM_EMAIL} \\$Token{KEEP}' });
  });

  it('leaves a variable without a value as written', () => {
    expect(substituteVariablesDeep({ a: '$Variable{MISSING}' }, variables)).toEqual({ a: '$Variable{MISSING}' });
  });

  it('does not read inherited properties of a record as variables', () => {
    expect(substituteVariablesDeep({ a: '$Variable{constructor}' }, { FROM_EMAIL: 'x' })).toEqual({ a: '$Variable{constructor}' });
  });
});
