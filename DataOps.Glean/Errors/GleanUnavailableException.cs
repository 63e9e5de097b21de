namespace DataOps.Glean.Errors;

/// <summary>Glean could not be reached, kept failing (5xx, timeouts) after every retry, or the circuit is open.</summary>
internal sealed class GleanUnavailableException(string operation, string message, int? statusCode = null, Exception? innerException = null)
    : GleanException(operation, statusCode, message, innerException)
{
    /// <inheritdoc />
    public override bool IsTransient => true;
}
