// Infrastructure as code from live identity pools: CloudFormation (YAML, JSON), CDK (TypeScript)
// and Terraform (awscc). Pure: the pools come in read (see src/aws/poolDefinition.ts), the text goes out.
import { cdkStack } from './cdk';
import { cloudFormationJson, cloudFormationYaml } from './cloudFormation';
import { IacFormat, IacOptions, PoolDefinition } from './model';
import { buildDocument } from './resources';
import { terraformConfiguration } from './terraform';

export { IAC_FORMATS } from './model';
export { FORMAT_INFO } from './formats';
export type { FormatInfo } from './formats';
export type { IacFormat, IacOptions, IdentitySettings, PoolDefinition } from './model';
export { buildDocument } from './resources';
export { cloudFormationTemplate } from './cloudFormation';
export { CDK_STACK_CLASS } from './cdk';

/** The pools (all of one region) as one template, stack or configuration in `format`. */
export function generateInfrastructureCode(pools: readonly PoolDefinition[], format: IacFormat, options: IacOptions = {}): string {
  const document = buildDocument(pools, options);
  switch (format) {
    case 'cloudformation-yaml':
      return cloudFormationYaml(document);
    case 'cloudformation-json':
      return cloudFormationJson(document);
    case 'cdk':
      return cdkStack(document);
    case 'terraform':
      return terraformConfiguration(document);
  }
}
