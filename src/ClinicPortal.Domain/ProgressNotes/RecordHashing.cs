using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClinicPortal.Domain.ProgressNotes;

/// <summary>
/// Computes the SHA-256 hashes that seal signed notes and addenda. The input is a JSON array of
/// the fields as strings, so no field can run into the next. Times are written to the tick, which
/// the database keeps, so a hash recomputed from a stored record matches the one made at signing.
/// </summary>
internal static class RecordHashing
{
    /// <summary>
    /// Hashes the note's patient, author, session, SOAP fields, rating, signer and signing time.
    /// The id is left out because a note signed as it is created has none until it is saved.
    /// </summary>
    public static string HashNote(ProgressNote note) => Hash(
    [
        "note/v1",
        Number(note.PatientId),
        note.PsychologistId,
        Time(note.SessionDateUtc),
        Number(note.SessionNumber),
        note.ProgressRating is { } rating ? Number(rating) : null,
        note.Subjective,
        note.Objective,
        note.Assessment,
        note.Plan,
        note.SignedByUserId,
        note.SignedAtUtc is { } signedAt ? Time(signedAt) : null,
    ]);

    /// <summary>Hashes an addendum together with the hash of its note, so it cannot be moved to another note.</summary>
    public static string HashAddendum(string noteHash, ProgressNoteAddendum addendum) => Hash(
    [
        "addendum/v1",
        noteHash,
        addendum.AuthorUserId,
        Time(addendum.CreatedAtUtc),
        addendum.Text,
    ]);

    private static string Hash(string?[] fields)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture);
}
