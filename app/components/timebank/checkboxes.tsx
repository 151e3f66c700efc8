// GOV.UK checkboxes for choosing several people. The first box carries the field's id so the
// error summary link lands on it.
import { fieldError, type FieldError } from "../form";

interface CheckboxesProps {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked?: readonly string[];
  errors?: readonly FieldError[] | undefined;
}

export function Checkboxes(props: CheckboxesProps) {
  const error = fieldError(props.errors, props.name);
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const errorId = error ? `${props.name}-error` : undefined;
  const checked = new Set(props.checked ?? []);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{props.legend}</legend>
        {props.hint ? (
          <div id={hintId} className="govuk-hint">
            {props.hint}
          </div>
        ) : null}
        {error ? (
          <p id={errorId} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {props.options.map((option, index) => {
            const id = index === 0 ? props.name : `${props.name}-${option.value}`;
            return (
              <div className="govuk-checkboxes__item" key={option.value}>
                <input className="govuk-checkboxes__input" id={id} name={props.name} type="checkbox" value={option.value} defaultChecked={checked.has(option.value)} />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function TextArea(props: { name: string; label: string; hint?: string; defaultValue?: string | undefined; errors?: readonly FieldError[] | undefined; maxLength: number; rows?: number }) {
  const error = fieldError(props.errors, props.name);
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const errorId = error ? `${props.name}-error` : undefined;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={props.name}>
        {props.label}
      </label>
      {props.hint ? (
        <div id={hintId} className="govuk-hint">
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={props.name}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
    </div>
  );
}
