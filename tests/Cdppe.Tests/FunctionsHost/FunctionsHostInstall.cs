using Cdppe.Tests.Support;

namespace Cdppe.Tests.FunctionsHost;

/// <summary>
/// Where the Azure Functions host comes from: Core Tools (<c>func</c>) on the PATH, else a folder named by
/// <c>CDPPE_FUNCTIONS_HOST</c> that holds a <c>run</c> script (<c>run APP_DIR PORT CONNECTION_STRING SECRETS_DIR</c>).
/// The repository never holds a copy of the host. Without either, the suite is skipped on a developer machine and
/// fails in CI (<c>CI</c> set).
/// </summary>
public static class FunctionsHostInstall
{
    public const string Variable = "CDPPE_FUNCTIONS_HOST";

    public const string HowToGetOne =
        "the Azure Functions host is needed: install Core Tools (func on the PATH) or set CDPPE_FUNCTIONS_HOST to a folder holding its run script (run APP_DIR PORT CONNECTION_STRING SECRETS_DIR)";

    /// <summary>Core Tools' <c>func</c>, when on the PATH.</summary>
    public static string? Func => ExternalTools.Find("func");

    /// <summary>The <c>run</c> script of the folder named by <see cref="Variable"/>, when it exists.</summary>
    public static string? RunScript =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } folder && File.Exists(Path.Combine(folder, "run"))
            ? Path.Combine(Path.GetFullPath(folder), "run")
            : null;

    public static bool Available => Func is not null || RunScript is not null;

    /// <summary>The skip reason outside CI when no host is available, otherwise null (in CI a missing host fails the suite).</summary>
    public static string? SkipReason =>
        !Available && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? "skipped: " + HowToGetOne : null;
}
