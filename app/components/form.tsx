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
  type?: "text" | "email" | "password" | "number" | "search";
  autoComplete?: string;
  defaultValue?: string;
  errors?: readonly FieldError[] | undefined;
  widthClass?: string;
  maxLength?: number;
  spellCheck?: boolean;
  inputMode?: "text" | "decimal" | "numeric" | "email";
  labelAsPageHeading?: boolean;
}

export function TextField(props: TextFieldProps) {
  const error = fieldError(props.errors, props.name);
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const errorId = error ? `${props.name}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const label = (
    <label className={`govuk-label${props.labelAsPageHeading ? " govuk-label--l" : ""}`} htmlFor={props.name}>
      {props.label}
    </label>
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      {props.labelAsPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label}
      {props.hint ? (
        <div id={hintId} className="govuk-hint">
          {props.hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.error.prefix")}</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-input${props.widthClass ? ` ${props.widthClass}` : ""}${error ? " govuk-input--error" : ""}`}
        id={props.name}
        name={props.name}
        type={props.type ?? "text"}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        aria-describedby={describedBy}
        maxLength={props.maxLength}
        spellCheck={props.spellCheck}
        inputMode={props.inputMode}
      />
    </div>
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
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  const errorId = error ? `${props.name}-error` : undefined;
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
            <span className="govuk-visually-hidden">{t("form.error.prefix")}</span> {error}
          </p>
        ) : null}
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
      </fieldset>
    </div>
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
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={props.name}>
        {props.label}
      </label>
      {error ? (
        <p id={`${props.name}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">{t("form.error.prefix")}</span> {error}
        </p>
      ) : null}
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={props.name}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-describedby={error ? `${props.name}-error` : undefined}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function SubmitButton({ children, secondary }: { children: ReactNode; secondary?: boolean }) {
  return (
    <button type="submit" className={`govuk-button${secondary ? " govuk-button--secondary" : ""}`} data-module="govuk-button">
      {children}
    </button>
  );
}
