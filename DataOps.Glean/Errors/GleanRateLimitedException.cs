namespace DataOps.Glean.Errors;

/// <summary>Glean kept answering 429 after every retry, or the client-side limiter refused the call.</summary>
internal sealed class GleanRateLimitedException(string operation, string message, TimeSpan? retryAfter = null, int? statusCode = 429)
    : GleanException(operation, statusCode, message)
{
    /// <summary>The wait Glean last asked for, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <inheritdoc />
    public override bool IsTransient => true;
}
