import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, Select, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ROLES, roleLabel } from "../domain/roles";
import { t } from "../i18n/translate";
import { actorFrom, requireRole } from "../http/auth.server";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { getPerson, grantRole, listOrganisations, revokeRole } from "../services/people.server";

export const meta = () => pageTitle(t("accounts.person.title"));

function userIdFrom(params: { userId?: string }): number {
  const id = Number(params.userId);
  if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: t("error.notFound.title") }, { status: 404 });
  return id;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = requireRole(request, context, ["admin"]);
  const userId = userIdFrom(params);
  const [details, organisations] = await Promise.all([getPerson(context.db, admin, userId), listOrganisations(context.db)]);
  return json({ ...details, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) });
}

const GrantSchema = z.object({
  role: z.string().min(1, t("accounts.person.error.roleMissing")).max(40, t("accounts.person.error.roleNotInList")),
  organisationId: z
    .string()
    .max(12, t("accounts.person.error.organisationNotInList"))
    .regex(/^\d*$/, t("accounts.person.error.organisationNotInList"))
    .transform((value) => (value === "" ? null : Number(value))),
});

const RevokeSchema = z.object({ roleId: z.string().regex(/^\d{1,12}$/, t("accounts.person.error.roleToRemove")).transform(Number) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  requireRole(request, context, ["admin"]);
  const userId = userIdFrom(params);
  const values = await readFormValues(request, context);
  try {
    if (values.intent === "revoke") {
      const parsed = parseValues(values, RevokeSchema);
      if (!parsed.ok) return formErrors(parsed.errors, values);
      await revokeRole(context.db, actorFrom(context), { userId, roleId: parsed.data.roleId });
    } else {
      const parsed = parseValues(values, GrantSchema);
      if (!parsed.ok) return formErrors(parsed.errors, values);
      await grantRole(context.db, actorFrom(context), { userId, role: parsed.data.role, organisationId: parsed.data.organisationId });
    }
  } catch (error) {
    return domainErrorToForm(error, values, "role");
  }
  return redirect(`/admin/people/${userId}`);
}

export default function Person() {
  const { person, roles, organisations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{t("accounts.person.caption")}</span>
      <h1 className="govuk-heading-l">{person.name}</h1>
      <p className="govuk-body">{person.email}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{t("accounts.person.roles")}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">{t("accounts.person.role")}</th>
            <th scope="col" className="govuk-table__header">{t("accounts.person.organisation")}</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">{t("accounts.person.action")}</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {roles.map((role) => (
            <tr className="govuk-table__row" key={role.id}>
              <td className="govuk-table__cell">{roleLabel(role.role)}</td>
              <td className="govuk-table__cell">{role.organisation_name ?? t("accounts.person.noOrganisation")}</td>
              <td className="govuk-table__cell">
                <PostForm>
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="roleId" value={role.id} />
                  <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    {t("accounts.person.remove")}<span className="govuk-visually-hidden"> {t("accounts.person.removeHidden", { role: roleLabel(role.role) })}</span>
                  </button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">{t("accounts.person.give.heading")}</h2>
      {/* A new key after each change empties the form for the next role. */}
      <PostForm key={roles.map((r) => r.id).join(",")}>
        <input type="hidden" name="intent" value="grant" />
        <Select name="role" label={t("accounts.person.role")} errors={errors} options={[{ value: "", label: t("accounts.person.give.chooseRole") }, ...ROLES.map((r) => ({ value: r, label: roleLabel(r) }))]} />
        <Select
          name="organisationId"
          label={t("accounts.person.organisation")}
          errors={errors}
          options={[{ value: "", label: t("accounts.person.give.noOrganisation") }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
        />
        <SubmitButton>{t("accounts.person.give.submit")}</SubmitButton>
      </PostForm>
    </>
  );
}
