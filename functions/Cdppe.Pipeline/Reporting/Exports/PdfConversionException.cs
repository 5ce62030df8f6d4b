namespace Cdppe.Pipeline.Reporting.Exports;

/// <summary>A PDF conversion that did not happen, with the French text users read (<see cref="PdfConverter"/>).</summary>
public sealed class PdfConversionException : Exception
{
    public PdfConversionException()
    {
    }

    public PdfConversionException(string message)
        : base(message)
    {
    }

    public PdfConversionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PdfConversionException(PdfConversionFailure failure, string message, int retryAfterSeconds = 0, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public PdfConversionFailure Failure { get; } = PdfConversionFailure.Failed;

    /// <summary>Seconds after which to try again, for <see cref="PdfConversionFailure.Busy"/>.</summary>
    public int RetryAfterSeconds { get; }

    public static string NoConverterMessage =>
        "La conversion en PDF n'est pas disponible sur ce serveur : installez LibreOffice (paquet Debian « libreoffice-writer-nogui », commande soffice) "
        + "ou renseignez l'adresse d'un service Gotenberg dans le paramètre Cdppe:Pdf:GotenbergUrl. Le rapport reste téléchargeable au format Word (.docx).";

    public static string BusyMessage(PdfConversionOptions options) =>
        $"Trop de conversions en PDF sont en cours sur ce serveur ({options.MaxConcurrentConversions} à la fois et {options.MaxQueuedConversions} en attente au plus) : réessayez dans {options.RetryAfterSeconds} secondes.";

    public static string TimedOutMessage(PdfConversionOptions options) =>
        $"La conversion du rapport en PDF a dépassé la durée maximale de {options.TimeoutSeconds} secondes et a été arrêtée : réessayez, ou téléchargez le rapport au format Word (.docx).";

    public const string FailedMessage = "La conversion du rapport en PDF a échoué : réessayez, ou téléchargez le rapport au format Word (.docx).";
}
