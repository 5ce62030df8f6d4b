using System.Net;

namespace Cdppe.Tests.Support;

/// <summary>A body of zeros of any length, produced as it is sent (a 100 MB upload without 100 MB in memory).</summary>
public sealed class ZeroContent(long size) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[81_920];
        for (var left = size; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, left)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = size;
        return true;
    }
}
