import { ErrorSummary, PostForm, SubmitButton, TextField, type FieldError } from "./form";
import { LIMITS } from "../domain/account-rules";
import { tr } from "../i18n/rich";
import { t } from "../i18n/translate";

export function SetPasswordForm({ heading, intro, errors, button }: { heading: string; intro: string; errors: FieldError[] | undefined; button: string }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">{heading}</h1>
        <p className="govuk-body">{intro}</p>
        <PostForm>
          <TextField name="password" label={t("accounts.field.newPassword")} type="password" autoComplete="new-password" errors={errors} hint={t("accounts.field.newPasswordHint", { minimum: LIMITS.passwordMinChars })} />
          <TextField name="confirmPassword" label={t("accounts.field.confirmNewPassword")} type="password" autoComplete="new-password" errors={errors} />
          <SubmitButton>{button}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}

export function LinkNotValid() {
  return (
    <>
      <h1 className="govuk-heading-l">{t("accounts.linkNotValid.title")}</h1>
      <p className="govuk-body">
        {t("accounts.linkNotValid.body")}
      </p>
      <p className="govuk-body">
        {tr("accounts.linkNotValid.askAgain", {
          link: (
            <a className="govuk-link" href="/forgot-password">
              {t("accounts.linkNotValid.askLink")}
            </a>
          ),
        })}
      </p>
    </>
  );
}
