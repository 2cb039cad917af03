/** A native <select> over a fixed list of choices, styled like the app's other small selects. */
export interface SelectOption<Value extends string> {
  value: Value;
  label: string;
}

interface OptionSelectProps<Value extends string> {
  id: string;
  testId: string;
  value: Value;
  options: readonly SelectOption<Value>[];
  onChange: (value: Value) => void;
  className?: string;
}

export function OptionSelect<Value extends string>({ id, testId, value, options, onChange, className = '' }: OptionSelectProps<Value>) {
  return (
    <select
      id={id}
      data-testid={testId}
      value={value}
      // The options are the only values the select can take.
      onChange={(event) => onChange(event.target.value as Value)}
      className={`rounded border border-zinc-300 bg-white px-1.5 py-1 dark:border-zinc-600 dark:bg-zinc-900 ${className}`}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
