import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldError } from "./form";
import { LIMITS } from "../domain/account-rules";

export function SetPasswordForm({ heading, intro, errors, button }: { heading: string; intro: string; errors: FieldError[] | undefined; button: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">{intro}</p>
        <PostForm>
          <TextField name="password" label="New password" type="password" autoComplete="new-password" errors={errors} hint={`Must be ${LIMITS.passwordMinChars} characters or more`} />
          <TextField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" errors={errors} />
          <SubmitButton>{button}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}

export function LinkNotValid() {
  return (
    <>
      <h1 className="govuk-heading-l">This link has expired or has already been used</h1>
      <p className="govuk-body">
        Links to set a password work once. Reset links last 1 hour; set-up links last 7 days.
      </p>
      <p className="govuk-body">
        <a className="govuk-link" href="/forgot-password">
          Ask for a new link
        </a>{" "}
        or ask the coordinator or officer who opened your account.
      </p>
    </>
  );
}
