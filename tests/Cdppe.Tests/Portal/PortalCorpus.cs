namespace Cdppe.Tests.Portal;

/// <summary>The sample files as users drop them from the portal (copied next to the tests from samples/).</summary>
public static class PortalCorpus
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "corpus", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));
}
