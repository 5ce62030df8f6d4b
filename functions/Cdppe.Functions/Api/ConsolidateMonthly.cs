using Cdppe.Pipeline.Consolidation;

namespace Cdppe.Functions.Api;

/// <summary>
/// Timer trigger (<c>CONSOLIDATION_SCHEDULE</c>, daily): consolidates whatever is due; the planner decides, in
/// Europe/Paris months, so a late or missed run catches up.
/// </summary>
public sealed class ConsolidateMonthly(ConsolidationRunner runner, ILogger<ConsolidateMonthly> logger)
{
    public const string ScheduleSetting = "CONSOLIDATION_SCHEDULE";

    [Function(nameof(ConsolidateMonthly))]
    public async Task Run(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            logger.LogWarning("Consolidation timer is past due (last run {Last:O}); catching up", timer.ScheduleStatus?.Last);
        }

        var summaries = await runner.RunDueAsync("timer", cancellationToken: cancellationToken);
        foreach (var s in summaries)
        {
            logger.LogInformation("{Departement}: {Months} ({Revisions} revisions); skipped: {Skipped}", s.Departement, string.Join(',', s.Months), s.RevisionsWritten, s.Skipped.Count > 0 ? string.Join(" ; ", s.Skipped) : "none");
        }
    }
}
