namespace Cdppe.Pipeline.Storage;

public static class ContainerNames
{
    public const string Uploads = "uploads";
    public const string Archive = "archive";
    public const string Rejected = "rejected";
    public const string IngestionReports = "ingestion-reports";
    public const string Templates = "templates";
    public const string Reports = "reports";
    public const string Locks = "locks";
    public const string ReportTexts = "report-texts";
    public const string ReportVersions = "report-versions";

    /// <summary>The packages transmitted to the State, written once (<see cref="PackageStore"/>).</summary>
    public const string Packages = "packages";

    public static IReadOnlyList<string> All { get; } = [Uploads, Archive, Rejected, IngestionReports, Templates, Reports, Locks, ReportTexts, ReportVersions, Packages];
}
