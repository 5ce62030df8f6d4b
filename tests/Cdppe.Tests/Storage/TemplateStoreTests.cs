using Cdppe.Pipeline.Storage;
using Cdppe.Tests.Support;

namespace Cdppe.Tests.Storage;

/// <summary>
/// A template dropped as a blob is read size first: one over the limit is never downloaded (issue 22: a template
/// of 49 MB was loaded whole by every report asked at once).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TemplateStoreTests(AzuriteFixture azurite)
{
    private const int MiB = 1024 * 1024;

    [Fact]
    public async Task ATemplateOverTheLimitIsNotDownloadedAndOneWithinIsReadWhole()
    {
        var templates = new TemplateStore(await azurite.StorageAsync());
        var dep = TestDepartements.Next().Code;
        await templates.WriteAsync($"{dep}/rapport-execution.docx", new byte[21 * MiB]);
        await templates.WriteAsync($"{dep}/petit.docx", [1, 2, 3]);

        var large = await templates.ReadAsync($"{dep}/rapport-execution.docx", 20 * MiB);
        var small = await templates.ReadAsync($"{dep}/petit.docx", 20 * MiB);
        var absent = await templates.ReadAsync($"{dep}/absent.docx", 20 * MiB);

        Assert.NotNull(large);
        Assert.Null(large.Content);
        Assert.Equal(22_020_096, large.Size);
        Assert.Equal(new byte[] { 1, 2, 3 }, small?.Content);
        Assert.Equal(3, small?.Size);
        Assert.Null(absent);
    }
}
