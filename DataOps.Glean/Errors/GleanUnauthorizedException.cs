namespace DataOps.Glean.Errors;

/// <summary>The Glean token is missing, wrong or expired (401).</summary>
internal sealed class GleanUnauthorizedException(string operation, string message, int? statusCode = 401)
    : GleanException(operation, statusCode, message)
{
    /// <inheritdoc />
    public override bool IsTransient => false;
}
