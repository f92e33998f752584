import { Select, type SelectProps } from 'antd';
import { foldText } from '../lib/format';

/** Keeps the options whose label holds the typed text, case and accents aside ("nguyen" finds "Nguyễn"). */
export const filterByName = (input: string, option?: { label?: unknown }) =>
  foldText(String(option?.label ?? '')).includes(foldText(input));

/**
 * A person picked by typing part of the name, without accents: the members of a roll call, a cell's members,
 * a committee's visitors. Every other Select prop passes through (size, mode, options, allowClear, test id).
 */
export function MemberSelect<V = string>(props: Omit<SelectProps<V>, 'showSearch'>) {
  // Without a form label (the field has no id) the placeholder is the name a screen reader says.
  const name = props.id || typeof props.placeholder !== 'string' ? undefined : props.placeholder;
  return <Select<V> showSearch={{ filterOption: filterByName }} aria-label={name} {...props} />;
}
