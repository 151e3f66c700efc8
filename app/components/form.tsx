// Form pieces in the GOV.UK Design System's markup. Every form carries the CSRF token.
import { Form, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { t } from "../i18n";
import type { RootLoaderData } from "../root";

export interface FieldError {
  field: string;
  message: string;
}

export function CsrfField() {
  const data = useRouteLoaderData<RootLoaderData>("root");
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />;
}

/** A POST form with the CSRF token; works as a plain HTML form without JavaScript. */
export function PostForm({ children, ...props }: Omit<FormProps, "method"> & { children: ReactNode }) {
  return (
    <Form method="post" noValidate {...props}>
      <CsrfField />
      {children}
    </Form>
  );
}

export function fieldError(errors: readonly FieldError[] | undefined, field: string): string | undefined {
  return errors?.find((error) => error.field === field)?.message;
}

/** The ids a field's aria-describedby lists: its hint and its error, when it has them. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={id} className="govuk-hint">
      {children}
    </div>
  );
}

/** A field's error message under its label, with the visually hidden "Error:" prefix. */
export function FieldErrorMessage({ id, message }: { id: string; message: string }) {
  return (
    <p id={id} className="govuk-error-message">
      <span className="govuk-visually-hidden">{t("form.error.prefix")}</span> {message}
    </p>
  );
}

/** A form group: marked as in error when the field has one. */
function FormGroup({ error, children }: { error: string | undefined; children: ReactNode }) {
  return <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>{children}</div>;
}

/** Hint and error of a field named `name`, with the ids its control points to. */
function hintAndError(name: string, hint: ReactNode | undefined, error: string | undefined) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return {
    describedBy: describedBy(hintId, errorId),
    messages: (
      <>
        {hint ? <FieldHint id={hintId!}>{hint}</FieldHint> : null}
        {error ? <FieldErrorMessage id={errorId!} message={error} /> : null}
      </>
    ),
  };
}

/** A fieldset of options (radios or checkboxes) with its legend, hint and error. */
function OptionsFieldset({ name, legend, hint, error, children }: { name: string; legend: string; hint?: string; error: string | undefined; children: ReactNode }) {
  const { describedBy: ids, messages } = hintAndError(name, hint, error);
  return (
    <FormGroup error={error}>
      <fieldset className="govuk-fieldset" aria-describedby={ids}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        {messages}
        {children}
      </fieldset>
    </FormGroup>
  );
}

/** The error summary at the top of a form; focused when it appears so screen readers announce it. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors && errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (!errors || errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{t("form.errorSummary.title")}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.field + error.message}>
                {error.field === "form" ? error.message : <a href={`#${error.field}`}>{error.message}</a>}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

interface TextFieldProps {
  name: string;
  label: string;
  hint?: string;
  type?: "text" | "email" | "password" | "number" | "search" | "datetime-local";
  autoComplete?: string;
  defaultValue?: string | undefined;
  errors?: readonly FieldError[] | undefined;
  widthClass?: string;
  maxLength?: number;
  spellCheck?: boolean;
  inputMode?: "text" | "decimal" | "numeric" | "email";
  labelAsPageHeading?: boolean;
}

export function TextField(props: TextFieldProps) {
  const error = fieldError(props.errors, props.name);
  const { describedBy: ids, messages } = hintAndError(props.name, props.hint, error);
  const label = (
    <label className={`govuk-label${props.labelAsPageHeading ? " govuk-label--l" : ""}`} htmlFor={props.name}>
      {props.label}
    </label>
  );
  return (
    <FormGroup error={error}>
      {props.labelAsPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label}
      {messages}
      <input
        className={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ""}${error ? " govuk-input--error" : ""}`}
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        aria-describedby={ids}
        maxLength={props.maxLength}
        spellCheck={props.spellCheck}
        inputMode={props.inputMode}
      />
    </FormGroup>
  );
}

interface RadiosProps {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string; hint?: string }[];
  defaultValue?: string | undefined;
  errors?: readonly FieldError[] | undefined;
}

export function Radios(props: RadiosProps) {
  const error = fieldError(props.errors, props.name);
  return (
    <OptionsFieldset name={props.name} legend={props.legend} hint={props.hint} error={error}>
      <div className="govuk-radios" data-module="govuk-radios">
        {props.options.map((option, index) => {
          // The first radio carries the field's id so the error summary link lands on it.
          const id = index === 0 ? props.name : `${props.name}-${option.value}`;
          return (
            <div className="govuk-radios__item" key={option.value}>
              <input
                className="govuk-radios__input"
                id={id}
                name={props.name}
                type="radio"
                value={option.value}
                defaultChecked={props.defaultValue === option.value}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={id}>
                {option.label}
              </label>
              {option.hint ? (
                <div id={`${id}-hint`} className="govuk-hint govuk-radios__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </OptionsFieldset>
  );
}

interface CheckboxesProps {
  name: string;
  legend: string;
  hint?: string;
  options: { value: string; label: string }[];
  checked?: readonly string[];
  errors?: readonly FieldError[] | undefined;
}

/** Checkboxes for choosing several. The first box carries the field's id so the error summary link lands on it. */
export function Checkboxes(props: CheckboxesProps) {
  const error = fieldError(props.errors, props.name);
  const checked = new Set(props.checked ?? []);
  return (
    <OptionsFieldset name={props.name} legend={props.legend} hint={props.hint} error={error}>
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
    </OptionsFieldset>
  );
}

interface TextAreaProps {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string | undefined;
  errors?: readonly FieldError[] | undefined;
  maxLength?: number;
  rows?: number;
}

export function TextArea(props: TextAreaProps) {
  const error = fieldError(props.errors, props.name);
  const { describedBy: ids, messages } = hintAndError(props.name, props.hint, error);
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={props.name}>
        {props.label}
      </label>
      {messages}
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={props.name}
        name={props.name}
        rows={props.rows ?? 3}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        aria-describedby={ids}
      />
    </FormGroup>
  );
}

interface SelectProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: readonly FieldError[] | undefined;
}

export function Select(props: SelectProps) {
  const error = fieldError(props.errors, props.name);
  const { describedBy: ids, messages } = hintAndError(props.name, undefined, error);
  return (
    <FormGroup error={error}>
      <label className="govuk-label" htmlFor={props.name}>
        {props.label}
      </label>
      {messages}
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={props.name}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-describedby={ids}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

export function SubmitButton({ children, secondary }: { children: ReactNode; secondary?: boolean }) {
  return (
    <button type="submit" className={`govuk-button${secondary ? " govuk-button--secondary" : ""}`} data-module="govuk-button">
      {children}
    </button>
  );
}
