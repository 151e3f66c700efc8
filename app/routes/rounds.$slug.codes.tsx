import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { actorFrom, requireUser } from "../http/auth.server";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { generateVotingCodes, MAX_CODES_PER_BATCH } from "../services/rounds/voting.server";
import { t } from "../i18n/translate";

export const meta = () => pageTitle(t("rounds.codes.pageTitle"));

async function officerRound(request: Request, params: { slug?: string }, context: Parameters<typeof roundForPage>[0]) {
  requireUser(request, context);
  const found = await roundForPage(context, params.slug);
  if (!found.isOfficer) throw json({ message: t("error.forbidden.title") }, { status: 403 });
  return found.round;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const round = await officerRound(request, params, context);
  // The page reads the limit from here: a .server module's values are not sent to the browser.
  return json({ title: round.title, slug: round.slug, maximumCodes: MAX_CODES_PER_BATCH });
}

const CodesSchema = z.object({
  count: z.string().trim().regex(/^\d{1,5}$/, t("rounds.codes.count.invalid")).transform(Number),
  batchLabel: z.string().trim().min(1, t("rounds.codes.batchLabel.missing")).max(100, t("rounds.codes.batchLabel.tooLong", { maximum: 100 })),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const round = await officerRound(request, params, context);
  const form = await readForm(request, context, CodesSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  try {
    const codes = await generateVotingCodes(context.db, actorFrom(context), round.id, form.data.count, form.data.batchLabel);
    return json({ codes, batchLabel: form.data.batchLabel });
  } catch (error) {
    return formErrors([pageErrorFrom(error)], form.values);
  }
}

export default function Codes() {
  const { title, slug, maximumCodes } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  if (data && "codes" in data) {
    return (
      <>
        <h1 className="govuk-heading-l">{t("rounds.codes.made", { number: data.codes.length, batch: data.batchLabel })}</h1>
        <p className="govuk-body">{t("rounds.codes.made.print", { path: "/vote" })}</p>
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{t("rounds.codes.table.caption", { round: title })}</caption>
          <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">{t("rounds.codes.table.number")}</th><th scope="col" className="govuk-table__header">{t("rounds.codes.table.code")}</th></tr></thead>
          <tbody className="govuk-table__body">
            {data.codes.map((code, i) => (
              <tr className="govuk-table__row" key={code}><td className="govuk-table__cell">{i + 1}</td><td className="govuk-table__cell potluck-code" data-testid="voting-code">{code}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="govuk-body"><Link className="govuk-link" to={`/rounds/${slug}`}>{t("rounds.codes.back")}</Link></p>
      </>
    );
  }
  const errors = data?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span className="govuk-caption-l">{title}</span>
        <h1 className="govuk-heading-l">{t("rounds.codes.title")}</h1>
        <p className="govuk-body">{t("rounds.codes.intro")}</p>
        <PostForm>
          <TextField name="count" label={t("rounds.codes.count")} hint={t("rounds.codes.count.hint", { maximum: maximumCodes })} inputMode="numeric" widthClass="govuk-input--width-5" defaultValue={data?.values?.count} errors={errors} />
          <TextField name="batchLabel" label={t("rounds.codes.batchLabel")} defaultValue={data?.values?.batchLabel} errors={errors} />
          <SubmitButton>{t("rounds.codes.button")}</SubmitButton>
        </PostForm>
      </div>
    </div>
  );
}
