// The generators' decisions, format by format, without the external tools (validation.test.ts
// runs those): logical ids, references, roles, notes, escaping.
import * as assert from 'assert/strict';
import { parse as parseYaml } from 'yaml';
import { PoolDefinition, buildDocument, cloudFormationTemplate, generateInfrastructureCode } from '../../../src/iac';
import { logicalIdBase } from '../../../src/iac/logicalIds';
import { terraformName } from '../../../src/iac/terraformNames';
import { EVERY_NAME_CHARACTER, hostilePools } from './fixtures';
import { parseHcl } from './tools';

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>; Metadata?: { CognitoSyncExplorer: { Notes: string[] } } };
const template = (pools: PoolDefinition[], withRoles = false) => cloudFormationTemplate(buildDocument(pools, { withRoles })) as unknown as Template;

describe('infrastructure as code generators', () => {
  const hostile = hostilePools();

  it('derives logical ids from names: letters and digits only, never starting with a digit, unique', () => {
    assert.equal(logicalIdBase('ShopMobile_Prod'), 'ShopMobileProd');
    assert.equal(logicalIdBase('2024 launch'), 'Pool2024Launch');
    assert.equal(logicalIdBase('+=,.@-'), 'Pool');
    assert.equal(logicalIdBase(EVERY_NAME_CHARACTER), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
    const ids = Object.keys(template(Object.values(hostile), true).Resources);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[A-Za-z][A-Za-z0-9]{0,254}$/);
    assert.ok(ids.includes('ShopProdIdentityPool') && ids.includes('ShopProd2IdentityPool'), 'shop-prod and Shop Prod get two ids');
    // Terraform names (snake_case of the ids) are unique too.
    assert.equal(new Set(ids.map(terraformName)).size, ids.length);
  });

  it('keeps the identity settings and the write-only Cognito Sync properties of the pool', () => {
    const pool = template([hostile.everyIdentitySetting]).Resources.EveryIdentitySettingIdentityPool.Properties;
    assert.equal(pool.AllowUnauthenticatedIdentities, true);
    assert.equal(pool.AllowClassicFlow, true);
    assert.deepEqual(pool.IdentityPoolTags, [{ Key: 'cost-center', Value: '%{42}' }, { Key: 'team', Value: 'mobile' }]);
    assert.deepEqual(Object.keys(pool.SupportedLoginProviders as object).sort(), ['accounts.google.com', 'graph.facebook.com', 'www.amazon.com']);
    const streams = template([hostile.streamsDisabled]).Resources.StreamsDisabledIdentityPool.Properties;
    assert.deepEqual(streams.CognitoStreams, { StreamName: 'idle.stream_1', StreamingStatus: 'DISABLED' });
    assert.equal(streams.PushSync, undefined);
  });

  it('adds the trigger permission for the pool\'s ARN, or a note when the function is in another region', () => {
    const same = template([hostile.everyCharacter]);
    const permission = Object.values(same.Resources).find((resource) => resource.Type === 'AWS::Lambda::Permission')!;
    assert.equal(permission.Properties.Principal, 'cognito-sync.amazonaws.com');
    assert.match(JSON.stringify(permission.Properties.SourceArn), /cognito-identity:\$\{AWS::Region\}:\$\{AWS::AccountId\}:identitypool\/\$\{ABC/);
    const far = template([hostile.triggerInAnotherRegion]);
    assert.equal(Object.values(far.Resources).filter((resource) => resource.Type === 'AWS::Lambda::Permission').length, 0);
    assert.match(far.Metadata!.CognitoSyncExplorer.Notes[0], /trigger is in eu-west-1, not us-east-1/);
    assert.match(generateInfrastructureCode([hostile.triggerInAnotherRegion], 'cloudformation-yaml'), /^# Note: trigger elsewhere .*eu-west-1/m);
  });

  it('with roles: trust limited to cognito-sync of the account, least privilege, and the pool pointing at them', () => {
    const resources = template([hostile.everyCharacter, hostile.noPushSync], true).Resources;
    const push = resources[Object.keys(resources).find((id) => id.endsWith('PushSyncRole'))!].Properties;
    const trust = push.AssumeRolePolicyDocument as { Statement: { Principal: unknown; Action: string; Condition: Record<string, Record<string, unknown>> }[] };
    assert.deepEqual(trust.Statement[0].Principal, { Service: 'cognito-sync.amazonaws.com' });
    assert.equal(trust.Statement[0].Action, 'sts:AssumeRole');
    assert.deepEqual(trust.Statement[0].Condition.StringEquals['aws:SourceAccount'], { Ref: 'AWS::AccountId' });
    assert.ok(trust.Statement[0].Condition.ArnLike['aws:SourceArn']);
    assert.match(JSON.stringify(push.Policies), /"sns:Publish".*endpoint\/GCM\/Every_char\.app-1\/\*/);
    const streams = resources.NoPushSyncStreamsRole.Properties;
    assert.match(JSON.stringify(streams.Policies), /kinesis:PutRecord.*kinesis:PutRecords.*stream\/only-streams/);
    assert.deepEqual((resources.NoPushSyncIdentityPool.Properties.CognitoStreams as { RoleArn: unknown }).RoleArn, { 'Fn::GetAtt': ['NoPushSyncStreamsRole', 'Arn'] });
    assert.equal(resources.NoPushSyncPushSyncRole, undefined, 'no push sync, no push role');
    // 5,000 applications do not fit one role policy: endpoints of the account and region, with a note.
    const many = template([hostile.manyApplications], true);
    assert.match(JSON.stringify(many.Resources.FiveThousandAppsPushSyncRole.Properties.Policies), /endpoint\/\*"/);
    assert.match(many.Metadata!.CognitoSyncExplorer.Notes[0], /5000 platform applications/);
    assert.ok(JSON.stringify(many.Resources.FiveThousandAppsPushSyncRole.Properties.Policies).length < 10_240);
  });

  it('YAML reads back as the same template, names with tabs, newlines and form feeds included', () => {
    for (const pool of Object.values(hostile)) {
      assert.deepEqual(parseYaml(generateInfrastructureCode([pool], 'cloudformation-yaml', { withRoles: true }), { version: '1.1' }), template([pool], true));
    }
    assert.deepEqual(JSON.parse(generateInfrastructureCode([hostile.everyCharacter], 'cloudformation-json')), template([hostile.everyCharacter]));
  });

  it('Terraform: quoted strings read back unchanged, and $ and % sequences stay literal', async () => {
    const text = generateInfrastructureCode([hostile.everyCharacter, hostile.everyIdentitySetting], 'terraform');
    const parsed = (await parseHcl('main.tf', text)) as { resource: { awscc_cognito_identity_pool: Record<string, { identity_pool_name: string; identity_pool_tags?: { value: string }[] }[]> } };
    const pools = Object.values(parsed.resource.awscc_cognito_identity_pool).map(([attributes]) => attributes);
    assert.ok(pools.some((pool) => pool.identity_pool_name === EVERY_NAME_CHARACTER));
    assert.match(text, /value = "%%\{42\}"/);
    assert.match(text, /^# The awscc provider .* rather than the aws provider/m);
    assert.match(text, /^variable "account_id" \{\n.*\n.*\n {2}default {5}= "111111111111"/m);
  });

  it('CDK: L1 constructs, construct ids equal to the logical ids, CDK property names', () => {
    const text = generateInfrastructureCode([hostile.everyIdentitySetting, hostile.everyCharacter], 'cdk', { withRoles: true });
    assert.match(text, /new cognito\.CfnIdentityPool\(this, "EveryIdentitySettingIdentityPool", \{/);
    assert.match(text, /openIdConnectProviderArns: \[/);
    assert.match(text, /samlProviderArns: \[/);
    assert.match(text, /roleArn: aBCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789PushSyncRole\.attrArn/);
    assert.match(text, /new lambda\.CfnPermission\(/);
    assert.doesNotMatch(text, /\n[^/\n]*\t/, 'no raw tab outside comments: names are JSON-quoted');
  });

  it('refuses pools of two regions in one template, and an empty export', () => {
    const other = { ...hostile.onlySymbols, identityPoolId: 'eu-west-1:00000000-0000-4000-8000-000000000001' };
    assert.throws(() => buildDocument([hostile.onlySymbols, other]), /one region/);
    assert.throws(() => buildDocument([]), /no identity pool/);
  });
});
