import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, Select, SubmitButton } from "../components/form";
import { pageTitle } from "../components/page-title";
import { ROLES, ROLE_LABELS } from "../domain/roles";
import { actorFrom, requireRole } from "../http/auth.server";
import { domainErrorToForm, formErrors, parseValues, readFormValues } from "../http/forms.server";
import { getPerson, grantRole, listOrganisations, revokeRole } from "../services/people.server";

export const meta = () => pageTitle("Person");

function userIdFrom(params: { userId?: string }): number {
  const id = Number(params.userId);
  if (!Number.isSafeInteger(id) || id <= 0) throw json({ message: "Page not found" }, { status: 404 });
  return id;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = requireRole(request, context, ["admin"]);
  const userId = userIdFrom(params);
  const [details, organisations] = await Promise.all([getPerson(context.db, admin, userId), listOrganisations(context.db)]);
  return json({ ...details, organisations: organisations.map((o) => ({ id: o.id, name: o.name })) });
}

const GrantSchema = z.object({
  role: z.string().min(1, "Select a role").max(40, "Select a role from the list"),
  organisationId: z
    .string()
    .max(12, "Select an organisation from the list")
    .regex(/^\d*$/, "Select an organisation from the list")
    .transform((value) => (value === "" ? null : Number(value))),
});

const RevokeSchema = z.object({ roleId: z.string().regex(/^\d{1,12}$/, "Select a role to remove").transform(Number) });

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
      <span className="govuk-caption-l">People and roles</span>
      <h1 className="govuk-heading-l">{person.name}</h1>
      <p className="govuk-body">{person.email}</p>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Roles</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">Organisation</th>
            <th scope="col" className="govuk-table__header"><span className="govuk-visually-hidden">Action</span></th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {roles.map((role) => (
            <tr className="govuk-table__row" key={role.id}>
              <td className="govuk-table__cell">{ROLE_LABELS[role.role]}</td>
              <td className="govuk-table__cell">{role.organisation_name ?? "None"}</td>
              <td className="govuk-table__cell">
                <PostForm>
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="roleId" value={role.id} />
                  <button type="submit" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0">
                    Remove<span className="govuk-visually-hidden"> {ROLE_LABELS[role.role]} role</span>
                  </button>
                </PostForm>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="govuk-heading-m">Give a role</h2>
      {/* A new key after each change empties the form for the next role. */}
      <PostForm key={roles.map((r) => r.id).join(",")}>
        <input type="hidden" name="intent" value="grant" />
        <Select name="role" label="Role" errors={errors} options={[{ value: "", label: "Select a role" }, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))]} />
        <Select
          name="organisationId"
          label="Organisation"
          errors={errors}
          options={[{ value: "", label: "No organisation (residents and administrators)" }, ...organisations.map((o) => ({ value: String(o.id), label: o.name }))]}
        />
        <SubmitButton>Give role</SubmitButton>
      </PostForm>
    </>
  );
}
