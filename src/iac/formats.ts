// What each output format is to an editor: label, language id, file extension. Kept apart from the
// generators so the extension's menus and prompts load without them (and without the YAML library).
import type { IacFormat } from './model';
import * as l10n from '@vscode/l10n';

export interface FormatInfo {
  label: string;
  /** VS Code language id of the output. */
  language: string;
  extension: string;
}

export const FORMAT_INFO: Record<IacFormat, FormatInfo> = {
  'cloudformation-yaml': { label: l10n.t('CloudFormation (YAML)'), language: 'yaml', extension: '.yaml' },
  'cloudformation-json': { label: l10n.t('CloudFormation (JSON)'), language: 'json', extension: '.json' },
  cdk: { label: l10n.t('AWS CDK (TypeScript)'), language: 'typescript', extension: '.ts' },
  terraform: { label: l10n.t('Terraform (awscc provider)'), language: 'terraform', extension: '.tf' },
};
