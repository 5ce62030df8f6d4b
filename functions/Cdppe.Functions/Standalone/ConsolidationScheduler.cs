using Cdppe.Pipeline.Consolidation;
using Cronos;

namespace Cdppe.Functions.Standalone;

/// <summary>The standalone timer: the same 6-field expression as ConsolidateMonthly/function.json, evaluated in Europe/Paris.</summary>
public sealed class ConsolidationScheduler(IConfiguration configuration, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsolidationScheduler> logger) : BackgroundService
{
    public const string ScheduleSetting = "CONSOLIDATION_SCHEDULE";
    public const string DefaultSchedule = "0 0 3 * * *";

    public static CronExpression Parse(string? schedule) => CronExpression.Parse(string.IsNullOrWhiteSpace(schedule) ? DefaultSchedule : schedule, CronFormat.IncludeSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = Parse(configuration[ScheduleSetting]);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = expression.GetNextOccurrence(clock.GetUtcNow(), ConsolidationPlanner.Paris);
            if (next is null)
            {
                return;
            }

            logger.LogInformation("Next consolidation at {Next:O}", next.Value);
            var delay = next.Value - clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, stoppingToken);
            }

            try
            {
                using var scope = scopes.CreateScope();
                var runner = scope.ServiceProvider.GetRequiredService<ConsolidationRunner>();
                var summaries = await runner.RunDueAsync("timer", cancellationToken: stoppingToken);
                logger.LogInformation("Scheduled consolidation done: {Count} département(s)", summaries.Count);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Scheduled consolidation failed; the next run will catch up");
            }
        }
    }
}
