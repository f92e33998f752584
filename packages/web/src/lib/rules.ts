import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';

/** Form rules with the field's name in the message, in the UI language. */
export function useRules() {
  const { t } = useTranslation();
  return {
    required: (label: string): FormRule => ({
      required: true,
      whitespace: true,
      message: t('common.required', { field: label.toLowerCase() }),
    }),
    requiredSelect: (label: string): FormRule => ({
      required: true,
      message: t('common.requiredSelect', { field: label.toLowerCase() }),
    }),
    code: (): FormRule => ({ pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/, message: t('common.codeFormat') }),
  };
}
