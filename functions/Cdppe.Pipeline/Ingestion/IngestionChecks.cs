using Cdppe.Pipeline.Contracts;
using Cdppe.Pipeline.Ingestion.Kinds;
using Cdppe.Pipeline.Ingestion.Messages;
using Cdppe.Pipeline.Model;
using Cdppe.Pipeline.Storage;

namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// The check step of an ingestion, on a workbook that parsed without error: values without a code are given the
/// département's indicator of the same label, the workbook is cross-checked with the département's current data, and
/// the workbook is attached to the period of its contract (<see cref="ContractService"/>), and the rows it would write
/// are checked against what the storage can hold. Returns those rows when nothing is wrong.
/// </summary>
public sealed class IngestionChecks(IngestionStore ingestions, IndicatorStore indicators, CrossWorkbookChecks crossChecks, ContractService contracts)
{
    private const string UnknownCodePrefix = "OXX-";

    public async Task<DatasetPlan?> RunAsync(Upload upload, WorkbookContent content, CancellationToken cancellationToken = default)
    {
        if (content.Issues.HasErrors)
        {
            return null;
        }

        var head = await ingestions.HeadAsync(upload.Partition, cancellationToken);
        await ResolveCodesAsync(head, content, cancellationToken);
        await crossChecks.RunAsync(head, content, cancellationToken);
        var attachment = await contracts.AttachAsync(head, upload.Id, upload.FileName, upload.ReceivedAt, content, cancellationToken);
        foreach (var change in attachment.PeriodChanges)
        {
            content.Issues.Add(IngestionMessages.ContractPeriod(change, attachment.PlanSheet!));
        }

        foreach (var (newPlan, replaced) in attachment.ReplacedPlans)
        {
            content.Issues.Add(IngestionMessages.PlanReplaced(Years.Label(newPlan.Years), Years.Label(replaced.Years), replaced.FileName, newPlan.Sheet.Split(", ")[0]));
        }

        if (attachment.OutsideYears.Count > 0)
        {
            content.Issues.Add(IngestionMessages.OutsideContracts(attachment.OutsideYears, attachment.Contracts.Select(c => c.Name), attachment.OutsideSheet));
        }

        content.ContractPeriods = attachment.Periods;
        var plan = DatasetStore.Plan(upload.Partition, upload.Id, upload.ReceivedAt, content);
        StorableValues.Check(plan, content, upload.Bytes);
        return content.Issues.HasErrors ? null : plan;
    }

    /// <summary>
    /// Suivi-mensuel rows written with a label but no code (and no objective) get "OXX-…"; when the département
    /// knows exactly one indicator with the same canonical label, the row is that indicator.
    /// </summary>
    private async Task ResolveCodesAsync(DatasetHead head, WorkbookContent content, CancellationToken cancellationToken)
    {
        if (!content.IndicatorValues.Any(v => v.Code.StartsWith(UnknownCodePrefix, StringComparison.Ordinal)))
        {
            return;
        }

        var bySlug = (await indicators.CurrentAsync(head, cancellationToken)).Keys
            .Where(code => !code.StartsWith(UnknownCodePrefix, StringComparison.Ordinal) && code.IndexOf('-', StringComparison.Ordinal) > 0)
            .GroupBy(code => code[(code.IndexOf('-', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var resolved = 0;
        for (var i = 0; i < content.IndicatorValues.Count; i++)
        {
            var value = content.IndicatorValues[i];
            if (value.Code.StartsWith(UnknownCodePrefix, StringComparison.Ordinal) && bySlug.TryGetValue(value.Code[UnknownCodePrefix.Length..], out var codes) && codes is [var code])
            {
                content.IndicatorValues[i] = value with { Code = code };
                resolved++;
            }
        }

        if (resolved > 0)
        {
            content.Issues.Add(IngestionMessages.CodesResolved(resolved, content.SheetOfKind(SuiviMensuelParser.KindName)));
            content.Issues.Add(new ValidationIssue(
                Severity.Info,
                "codes-retrouves",
                resolved == 1 ? "1 valeur sans code a été rattachée à l'indicateur du département de même libellé." : $"{resolved} valeurs sans code ont été rattachées aux indicateurs du département de même libellé.",
                content.SheetOfKind(WorkbookKinds.SuiviMensuel)));
        }
    }
}
