import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormModalProps<T> {
  title: ReactNode;
  form: FormInstance<T>;
  onSubmit: (values: T) => void;
  onClose: () => void;
  loading?: boolean;
  okText?: ReactNode;
  danger?: boolean;
  initialValues?: Partial<T>;
  children: ReactNode;
  testId?: string;
}

/**
 * A dialog holding one single-column form. Mount it only while open (`{open && <FormModal …/>}`), so
 * each opening starts from the initial values.
 */
export function FormModal<T extends object>({
  title,
  form,
  onSubmit,
  onClose,
  loading,
  okText,
  danger,
  initialValues,
  children,
  testId,
}: FormModalProps<T>) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading, danger, ...(testId ? { 'data-testid': `${testId}-ok` } : {}) }}
      mask={{ closable: false }}
      width={560}
    >
      <Form<T>
        form={form}
        layout="vertical"
        onFinish={onSubmit}
        initialValues={initialValues}
        data-testid={testId}
        scrollToFirstError
      >
        {children}
      </Form>
    </Modal>
  );
}
