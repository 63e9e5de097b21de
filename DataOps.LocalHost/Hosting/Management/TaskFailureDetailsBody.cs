namespace DataOps.LocalHost.Hosting.Management;

/// <summary>Failure details without the stack trace, which never leaves the host over HTTP.</summary>
internal sealed record TaskFailureDetailsBody(string ErrorType, string ErrorMessage);
