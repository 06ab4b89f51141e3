import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';

/** A set of radio buttons in a fieldset: arrow keys move between choices, the legend names the group for screen readers. */
export function Choice<T extends string>(props: {
  name: string;
  legend: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset class="field" data-setting={props.name}>
      <legend>{props.legend}</legend>
      {props.choices.map((choice) => (
        <label key={choice.value} class="choice">
          <input
            type="radio"
            name={props.name}
            value={choice.value}
            checked={props.value === choice.value}
            onChange={() => props.onChange(choice.value)}
          />
          {choice.label}
        </label>
      ))}
    </fieldset>
  );
}

export function Toggle(props: { name: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label class="field choice" data-setting={props.name}>
      <input
        type="checkbox"
        name={props.name}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.label}
    </label>
  );
}

/**
 * A whole number within bounds. What the reader types stays in the field while it is invalid (with a message
 * tied to the field); only valid values are stored, and leaving the field shows the stored value again.
 */
export function NumberField(props: {
  name: string;
  label: string;
  hint?: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
}) {
  const [text, setText] = useState(String(props.value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(String(props.value));
    setInvalid(false);
  }, [props.value]);
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ');
  const onInput = (raw: string) => {
    setText(raw);
    const n = Number(raw);
    const ok = raw.trim() !== '' && Number.isInteger(n) && n >= props.min && n <= props.max;
    setInvalid(!ok);
    if (ok && n !== props.value) props.onChange(n);
  };
  return (
    <div class="field" data-setting={props.name}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        name={props.name}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        step={1}
        value={text}
        aria-invalid={invalid}
        aria-describedby={described || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => {
          setText(String(props.value));
          setInvalid(false);
        }}
      />
      {props.hint && (
        <p id={`${id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      {invalid && (
        <p id={`${id}-error`} class="error" role="alert">
          {t('optionsInvalid', props.min, props.max)}
        </p>
      )}
    </div>
  );
}

export function ColorField(props: { name: string; label: string; value: string; onChange: (value: string) => void }) {
  const id = `field-${props.name}`;
  return (
    <div class="color-field" data-setting={props.name}>
      <input id={id} name={props.name} type="color" value={props.value} onInput={(e) => props.onChange(e.currentTarget.value)} />
      <label for={id}>{props.label}</label>
    </div>
  );
}
