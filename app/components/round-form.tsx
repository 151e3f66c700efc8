import { ErrorSummary, PostForm, Radios, SubmitButton, TextArea as FormTextArea, TextField, type FieldError } from "./form";

type Values = Record<string, string | undefined>;

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={name} name={name} type="checkbox" value="yes" defaultChecked={checked} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={name}>
        {label}
      </label>
    </div>
  );
}

function TextArea({ name, label, hint, values, errors, rows = 5 }: { name: string; label: string; hint?: string; values: Values; errors: FieldError[] | undefined; rows?: number }) {
  return <FormTextArea name={name} label={label} hint={hint} defaultValue={values[name]} errors={errors} rows={rows} />;
}

export { TextArea };

/** The officer's form for a round's details and rules (create and edit). */
export function RoundForm({ values, errors, button }: { values: Values; errors: FieldError[] | undefined; button: string }) {
  const yes = (name: string, fallback: boolean) => (values[name] === undefined ? fallback : values[name] === "yes");
  return (
    <>
      <ErrorSummary errors={errors} />
      <PostForm>
        <TextField name="title" label="Title" defaultValue={values.title} errors={errors} />
        <TextField name="slug" label="Short name for the web address" hint="Lower-case letters, numbers and dashes, like riverside-2027" defaultValue={values.slug} errors={errors} widthClass="govuk-!-width-one-half" />
        <TextArea name="description" label="Description" values={values} errors={errors} />
        <TextField name="area" label="Area (optional)" hint="Leave blank for the whole council area" defaultValue={values.area} errors={errors} widthClass="govuk-!-width-one-half" />
        <TextField name="theme" label="Theme (optional)" hint="For example, Green spaces" defaultValue={values.theme} errors={errors} widthClass="govuk-!-width-one-half" />
        <TextField name="budget" label="Budget in pounds" hint="For example, 150000" defaultValue={values.budget} errors={errors} inputMode="decimal" widthClass="govuk-input--width-10" />
        <h2 className="govuk-heading-m">Dates</h2>
        <p className="govuk-body">Optional. The round moves to the next stage by itself at each date (UK time is not applied: enter UTC). Officers can also move it by hand.</p>
        <DateTime name="proposalsOpenAt" label="Proposals open" values={values} errors={errors} />
        <DateTime name="reviewStartsAt" label="Review starts (proposals close)" values={values} errors={errors} />
        <DateTime name="votingOpensAt" label="Voting opens" values={values} errors={errors} />
        <DateTime name="votingClosesAt" label="Voting closes" values={values} errors={errors} />
        <h2 className="govuk-heading-m">Ballot and counting</h2>
        <Radios
          name="ballotType"
          legend="Type of ballot"
          defaultValue={values.ballotType ?? "approval"}
          errors={errors}
          options={[
            { value: "approval", label: "Choose projects", hint: "Voters tick between the least and most number of projects below" },
            { value: "knapsack", label: "Choose projects within the budget", hint: "The projects a voter ticks must cost no more than the budget" },
            { value: "cumulative", label: "Spread points", hint: "Voters spread a number of points between projects" },
            { value: "ranked", label: "Put projects in order", hint: "Voters number their favourite projects 1, 2, 3 and so on" },
          ]}
        />
        <TextField name="minChoices" label="Least number of choices" defaultValue={values.minChoices ?? "1"} errors={errors} inputMode="numeric" widthClass="govuk-input--width-3" />
        <TextField name="maxChoices" label="Most number of choices" defaultValue={values.maxChoices ?? "3"} errors={errors} inputMode="numeric" widthClass="govuk-input--width-3" />
        <TextField name="pointsTotal" label="Points each voter spreads (for spread points ballots)" defaultValue={values.pointsTotal ?? "10"} errors={errors} inputMode="numeric" widthClass="govuk-input--width-3" />
        <Radios
          name="countingRule"
          legend="How votes are counted"
          defaultValue={values.countingRule ?? "equal_shares"}
          errors={errors}
          options={[
            { value: "equal_shares", label: "Method of Equal Shares", hint: "Each voter gets an equal share of the budget to spend on the projects they chose" },
            { value: "greedy", label: "Most votes first", hint: "Fund the most popular projects while the money lasts" },
          ]}
        />
        <TextField name="tieBreakSeed" label="Tie-break seed" hint="Any words or numbers, published with the rules, used only when projects tie on support and cost" defaultValue={values.tieBreakSeed ?? ""} errors={errors} widthClass="govuk-!-width-one-half" />
        <Radios
          name="liveCounts"
          legend="Live counts while voting is open"
          defaultValue={values.liveCounts ?? "public"}
          errors={errors}
          options={[
            { value: "public", label: "Show everyone the live counts" },
            { value: "hidden", label: "Hide the counts until voting closes", hint: "Everyone still sees how many people have voted" },
          ]}
        />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Who can vote, and how</legend>
            <div className="govuk-checkboxes" data-module="govuk-checkboxes">
              <Checkbox name="allowAccountVotes" label="Residents online, with an account" checked={yes("allowAccountVotes", true)} />
              <Checkbox name="areaOnly" label="Only residents whose account gives the round's area" checked={yes("areaOnly", false)} />
              <Checkbox name="allowCodeVotes" label="Anyone with a one-time voting code, without an account" checked={yes("allowCodeVotes", true)} />
              <Checkbox name="allowPaperVotes" label="Paper ballots keyed in by officers" checked={yes("allowPaperVotes", true)} />
            </div>
          </fieldset>
        </div>
        <SubmitButton>{button}</SubmitButton>
      </PostForm>
    </>
  );
}

function DateTime({ name, label, values, errors }: { name: string; label: string; values: Values; errors: FieldError[] | undefined }) {
  return <TextField name={name} label={label} type="datetime-local" defaultValue={values[name]} errors={errors} widthClass="govuk-input--width-20" />;
}
