using System.Globalization;

namespace DataOps.LocalHost.WebJobs;

/// <summary>
/// An app function's failure as the Functions host reports an isolated worker's: the message reads
/// <c>Result: Failure\nException: {type}: {message}\nStack: {stack}</c>. The Durable extension reads an activity's
/// failure details (error type and message, which the app's retry policies and failure reports use) from that form.
/// </summary>
internal sealed class FunctionFailedException(Exception failure) : Exception(
    string.Create(CultureInfo.InvariantCulture, $"Result: Failure\nException: {failure.GetType().FullName}: {failure.Message}\nStack: {failure.StackTrace}"),
    failure);
