namespace DataOps.Glean.Errors;

/// <summary>
/// A failed Glean call, translated into the product's terms. Messages name the operation, the status and
/// Glean's own explanation, never a token.
/// </summary>
internal abstract class GleanException : Exception
{
    /// <summary>Creates the exception for <paramref name="operation"/>; <paramref name="statusCode"/> is null when Glean did not answer.</summary>
    protected GleanException(string operation, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    /// <summary>The Glean operation, e.g. <c>bulkindexdocuments</c>.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status Glean answered, or null when no answer arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>True when trying again later may succeed (rate limits, outages).</summary>
    public abstract bool IsTransient { get; }
}
