using Cdppe.Functions.Hosting;
using Cdppe.Pipeline.Consolidation;
using Cronos;
using Microsoft.Extensions.Options;

namespace Cdppe.Functions.Standalone;

/// <summary>
/// The standalone timer trigger: runs the timer function (<see cref="Api.ConsolidateMonthly"/>) on the
/// schedule of its attribute (<c>%CONSOLIDATION_SCHEDULE%</c>, resolved from the settings as the Functions host
/// does; a 6-field cron), evaluated in Europe/Paris.
/// </summary>
public sealed class ConsolidationScheduler(IConfiguration configuration, IServiceScopeFactory scopes, IOptions<CdppeOptions> options, TimeProvider clock, ILogger<ConsolidationScheduler> logger) : BackgroundService
{
    /// <summary>A run that starts later than this after its time is past due (the machine slept, the host was down).</summary>
    private static readonly TimeSpan PastDue = TimeSpan.FromMinutes(1);

    private readonly DeclaredFunction function = FunctionCatalog.All.Single(f => f.Timer is not null);

    /// <summary>The schedule when its setting is not set (the infrastructure sets it in Azure): daily at 03:00.</summary>
    public const string DefaultSchedule = "0 0 3 * * *";

    /// <summary>
    /// The schedule of the timer function, its <c>%setting%</c> resolved from <paramref name="configuration"/>
    /// (<see cref="DefaultSchedule"/> when the setting is not set, e.g. a published package run without settings).
    /// </summary>
    public static CronExpression Schedule(IConfiguration configuration)
    {
        var schedule = FunctionCatalog.All.Single(f => f.Timer is not null).Timer!.Schedule;
        var resolved = schedule is ['%', .. var name, '%'] ? configuration[name] : schedule;
        return CronExpression.Parse(string.IsNullOrWhiteSpace(resolved) ? DefaultSchedule : resolved, CronFormat.IncludeSeconds);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
        {
            return;
        }

        var expression = Schedule(configuration);
        DateTimeOffset? last = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = expression.GetNextOccurrence(clock.GetUtcNow(), ConsolidationPlanner.Paris);
            if (next is null)
            {
                return;
            }

            logger.LogInformation("Next {Function} at {Next:O}", function.Name, next.Value);
            var delay = next.Value - clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, stoppingToken);
            }

            var timer = new TimerInfo
            {
                IsPastDue = clock.GetUtcNow() - next.Value > PastDue,
                ScheduleStatus = new ScheduleStatus { Last = (last ?? DateTimeOffset.MinValue).UtcDateTime, Next = next.Value.UtcDateTime, LastUpdated = clock.GetUtcNow().UtcDateTime },
            };
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, stoppingToken, timer);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Function} failed; the next run will catch up", function.Name);
            }

            last = next;
        }
    }
}
