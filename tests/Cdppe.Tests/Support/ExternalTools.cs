namespace Cdppe.Tests.Support;

/// <summary>
/// Programs from Debian's packages that some tests drive (LibreOffice, Chromium). On a developer machine without
/// them those tests are reported skipped with the command that installs them; in CI (<c>CI</c> set) they always run,
/// so a missing program fails them instead of hiding them.
/// </summary>
public static class ExternalTools
{
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The skip reason when <paramref name="program"/> is missing outside CI, otherwise null.</summary>
    public static string? SkipUnlessInstalled(string program, string debianPackages) =>
        Find(program) is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            ? $"skipped: apt-get install {debianPackages}"
            : null;
}

/// <summary>A test that converts documents with LibreOffice (<c>soffice</c>).</summary>
public sealed class LibreOfficeFactAttribute : FactAttribute
{
    public LibreOfficeFactAttribute() => Skip = ExternalTools.SkipUnlessInstalled("soffice", "libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils");
}

/// <summary>A test that drives headless Chromium through chromedriver.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = ExternalTools.SkipUnlessInstalled("chromedriver", "chromium chromium-driver");
}
