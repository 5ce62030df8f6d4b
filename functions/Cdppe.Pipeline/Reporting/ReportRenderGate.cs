using Microsoft.Extensions.Options;

namespace Cdppe.Pipeline.Reporting;

/// <summary>
/// Bounds the Word renderings of the instance (<see cref="ReportRenderOptions"/>): at most
/// <c>MaxConcurrentRenders</c> run at once, at most <c>MaxQueuedRenders</c> more wait for a slot in arrival order,
/// and any further one is refused at once with <see cref="ReportRendersBusyException"/>. So many reports asked
/// together stay within a memory budget instead of each holding its template and its report at the same time.
/// </summary>
public sealed class ReportRenderGate(IOptions<ReportRenderOptions> options) : IDisposable
{
    private readonly ReportRenderOptions settings = options.Value;
    private readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentRenders, options.Value.MaxConcurrentRenders);

    /// <summary>Renderings running or waiting.</summary>
    private int admitted;

    /// <summary>Renderings running now.</summary>
    public int Running => settings.MaxConcurrentRenders - slots.CurrentCount;

    /// <summary>Runs <paramref name="render"/> when a slot is free, or throws <see cref="ReportRendersBusyException"/> at once when the queue is full.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> render, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(render);
        if (Interlocked.Increment(ref admitted) > settings.MaxConcurrentRenders + settings.MaxQueuedRenders)
        {
            Interlocked.Decrement(ref admitted);
            throw new ReportRendersBusyException(settings);
        }

        try
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await render();
            }
            finally
            {
                slots.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref admitted);
        }
    }

    public void Dispose() => slots.Dispose();
}
