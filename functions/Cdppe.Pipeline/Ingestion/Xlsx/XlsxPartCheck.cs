using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Cdppe.Pipeline.Ingestion.Spreadsheets;
using Cdppe.Pipeline.Xml;

namespace Cdppe.Pipeline.Ingestion.Xlsx;

/// <summary>The XML parts of a workbook checked against <see cref="SpreadsheetLimits.Xml"/> before they are read; a refusal names the part and the sheet.</summary>
public static class XlsxPartCheck
{
    /// <summary>Throws a <see cref="WorkbookFormatException"/> (French) for the first part over a limit among those <paramref name="include"/> keeps (all by default).</summary>
    public static void Check(SpreadsheetDocument document, SpreadsheetLimits limits, Func<OpenXmlPart, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(limits);
        include ??= _ => true;
        try
        {
            // The workbook part first: the sheet names of a refusal come from it.
            if (document.WorkbookPart is { } workbookPart && include(workbookPart))
            {
                using var stream = workbookPart.GetStream(FileMode.Open, FileAccess.Read);
                XmlPartScanner.Scan(stream, workbookPart.Uri.ToString(), limits.Xml);
            }

            XmlPartScanner.ScanPackage(document, limits.Xml, part => part is not WorkbookPart && include(part));
        }
        catch (XmlLimitException ex)
        {
            throw Refusal(document, ex, limits);
        }
    }

    /// <summary>The refusal of <see cref="Check"/> for a streamed part in which an element is nested deeper than the limit.</summary>
    public static WorkbookFormatException DepthRefusal(OpenXmlPart part, SpreadsheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(limits);
        var uri = part.Uri.ToString();
        return Refusal(part.OpenXmlPackage as SpreadsheetDocument, new XmlLimitException(XmlLimit.Depth, uri, XmlPartScanner.Describe(XmlLimit.Depth, uri, limits.Xml)), limits);
    }

    private static WorkbookFormatException Refusal(SpreadsheetDocument? document, XmlLimitException ex, SpreadsheetLimits limits)
    {
        var sheet = document is null ? null : SheetOf(document, ex.Part);
        var what = XmlPartScanner.Describe(ex.Limit, ex.Part, limits.Xml, ex.InnerException as XmlException, sheet is null ? string.Empty : $" (feuille « {sheet} »)");
        return new WorkbookFormatException($"Le fichier est refusé par sécurité : {what}. Ouvrez-le dans Excel et enregistrez-le à nouveau, ou retirez le contenu en cause.", sheet, inner: ex);
    }

    /// <summary>The sheet stored in <paramref name="part"/>, when the workbook part itself passed the check.</summary>
    private static string? SheetOf(SpreadsheetDocument document, string part)
    {
        if (document.WorkbookPart is not { } workbookPart || part == workbookPart.Uri.ToString())
        {
            return null;
        }

        try
        {
            return workbookPart.Workbook.Sheets?.Elements<Sheet>()
                .FirstOrDefault(s => s.Id?.Value is { } id && workbookPart.TryGetPartById(id, out var p) && p.Uri.ToString() == part)?.Name?.Value;
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
