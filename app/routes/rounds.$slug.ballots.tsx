import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, PostForm, SubmitButton, TextField } from "../components/form";
import { pageTitle } from "../components/page-title";
import { formErrors, readForm } from "../http/forms.server";
import { pageErrorFrom, roundForPage } from "../http/rounds.server";
import { checkReceipt, publishedBallots } from "../services/rounds/voting.server";
import { t } from "../i18n/translate";
import { tr } from "../i18n/rich";

export const meta = () => pageTitle(t("rounds.ballots.title"));

const CHANNEL_LABELS = { online: "rounds.ballots.channel.online", code: "rounds.ballots.channel.code", paper: "rounds.ballots.channel.paper" } as const;

const PAGE_SIZE = 100;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const after = (new URL(request.url).searchParams.get("after") ?? "").replace(/[^0-9a-f]/g, "").slice(0, 64);
  const ballots = round.phase === "closed" ? await publishedBallots(context.db, round.id, { afterReceiptHash: after, limit: PAGE_SIZE }) : null;
  return json({ title: round.title, slug: round.slug, ballots, next: ballots && ballots.length === PAGE_SIZE ? ballots[ballots.length - 1]!.receiptHash : null });
}

const ReceiptSchema = z.object({ receipt: z.string().trim().min(1, t("rounds.ballots.receipt.missing")).max(40, t("rounds.ballots.receipt.tooLong")) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { round } = await roundForPage(context, params.slug);
  const form = await readForm(request, context, ReceiptSchema);
  if (!form.ok) return formErrors(form.errors, form.values);
  if (round.phase !== "closed") return formErrors([{ field: "receipt", message: t("rounds.ballots.receipt.notYet") }], form.values, 409);
  try {
    return json({ found: await checkReceipt(context.db, round.id, form.data.receipt) });
  } catch (error) {
    return formErrors([pageErrorFrom(error)], form.values, 404);
  }
}

export default function Ballots() {
  const { title, slug, ballots, next } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data && "errors" in data ? data.errors : undefined;
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l"><Link className="govuk-link" to={`/rounds/${slug}`}>{title}</Link></span>
      <h1 className="govuk-heading-l">{t("rounds.ballots.title")}</h1>
      {data && "found" in data ? (
        <div className="govuk-inset-text" data-testid="receipt-result">
          {data.found.counted ? t("rounds.ballots.result.counted") : t("rounds.ballots.result.replaced")} {tr("rounds.ballots.result.fingerprint", { fingerprint: <span className="potluck-code">{data.found.receiptHash}</span> })}
        </div>
      ) : null}
      <PostForm>
        <TextField name="receipt" label={t("rounds.ballots.receipt")} hint={t("rounds.ballots.receipt.hint")} errors={errors} widthClass="govuk-input--width-20" />
        <SubmitButton>{t("rounds.ballots.check")}</SubmitButton>
      </PostForm>
      <h2 className="govuk-heading-m">{t("rounds.ballots.list")}</h2>
      {ballots === null ? (
        <p className="govuk-body">{t("rounds.ballots.list.notYet")}</p>
      ) : (
        <>
          <p className="govuk-body">{t("rounds.ballots.list.intro")}</p>
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{t("rounds.ballots.table.caption")}</caption>
            <thead className="govuk-table__head"><tr className="govuk-table__row"><th scope="col" className="govuk-table__header">{t("rounds.ballots.table.fingerprint")}</th><th scope="col" className="govuk-table__header">{t("rounds.ballots.table.channel")}</th><th scope="col" className="govuk-table__header">{t("rounds.ballots.table.choices")}</th></tr></thead>
            <tbody className="govuk-table__body">
              {ballots.map((b) => (
                <tr className="govuk-table__row" key={b.receiptHash}>
                  <td className="govuk-table__cell potluck-code">{b.receiptHash}</td>
                  <td className="govuk-table__cell">{t(CHANNEL_LABELS[b.channel])}</td>
                  <td className="govuk-table__cell">{b.choices.map((c) => (c.points > 1 ? `${c.proposalId} (${c.points})` : String(c.proposalId))).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {next ? <p className="govuk-body"><Link className="govuk-link" to={`?after=${next}`}>{t("rounds.ballots.nextPage")}</Link></p> : null}
        </>
      )}
    </>
  );
}
