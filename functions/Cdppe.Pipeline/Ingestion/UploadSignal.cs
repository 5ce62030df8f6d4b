namespace Cdppe.Pipeline.Ingestion;

/// <summary>
/// Tells whoever watches <c>uploads/</c> that a file was just written there, so that its ingestion starts at once
/// instead of at the next poll (the standalone host's watcher waits on it between polls). In Azure the blob trigger
/// watches the container itself and nobody waits: a signal then costs nothing. Signals given while nobody waits
/// count as one.
/// </summary>
public sealed class UploadSignal : IDisposable
{
    private readonly SemaphoreSlim pending = new(0, 1);
    private readonly Lock gate = new();

    /// <summary>A file was written, or a lane of the watcher ended with files left.</summary>
    public void Notify()
    {
        lock (gate)
        {
            if (pending.CurrentCount == 0)
            {
                pending.Release();
            }
        }
    }

    /// <summary>Waits for a signal or for <paramref name="timeout"/>; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => pending.WaitAsync(timeout, cancellationToken);

    public void Dispose() => pending.Dispose();
}
