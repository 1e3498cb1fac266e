using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ClinicPortal.Domain.Persistence.Migrations
{
    /// <summary>
    /// Adds signing (signer, time, SHA-256 hash), addenda and the psychologist's reason for
    /// withholding a share. Notes saved before this migration were shared when saved, so they
    /// become signed at their creation time by their author, without a hash. Triggers then reject
    /// any update or delete of a signed note and of an addendum.
    /// </summary>
    public partial class AddNoteSigningAndAddenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithheldReason",
                table: "ProgressShares",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentHash",
                table: "ProgressNotes",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SignedAtUtc",
                table: "ProgressNotes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SignedByUserId",
                table: "ProgressNotes",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgressNoteAddenda",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgressNoteAddenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgressNoteAddenda_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProgressNoteAddenda_ProgressNotes_NoteId",
                        column: x => x.NoteId,
                        principalTable: "ProgressNotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProgressNoteAddenda_AuthorUserId",
                table: "ProgressNoteAddenda",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgressNoteAddenda_NoteId_Id",
                table: "ProgressNoteAddenda",
                columns: new[] { "NoteId", "Id" });

            migrationBuilder.Sql("""
                UPDATE ProgressNotes SET SignedAtUtc = CreatedAtUtc, SignedByUserId = PsychologistId
                WHERE SignedAtUtc IS NULL;
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER ProgressNotes_SignedNoUpdate BEFORE UPDATE ON ProgressNotes
                WHEN OLD.SignedAtUtc IS NOT NULL
                BEGIN
                    SELECT RAISE(ABORT, 'ProgressNotes: a signed note cannot be updated; add an addendum instead');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProgressNotes_SignedNoDelete BEFORE DELETE ON ProgressNotes
                WHEN OLD.SignedAtUtc IS NOT NULL
                BEGIN
                    SELECT RAISE(ABORT, 'ProgressNotes: a signed note cannot be deleted');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProgressNoteAddenda_NoUpdate BEFORE UPDATE ON ProgressNoteAddenda
                BEGIN
                    SELECT RAISE(ABORT, 'ProgressNoteAddenda is append-only: addenda cannot be updated');
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProgressNoteAddenda_NoDelete BEFORE DELETE ON ProgressNoteAddenda
                BEGIN
                    SELECT RAISE(ABORT, 'ProgressNoteAddenda is append-only: addenda cannot be deleted');
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER ProgressNoteAddenda_NoDelete;");
            migrationBuilder.Sql("DROP TRIGGER ProgressNoteAddenda_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER ProgressNotes_SignedNoDelete;");
            migrationBuilder.Sql("DROP TRIGGER ProgressNotes_SignedNoUpdate;");

            migrationBuilder.DropTable(
                name: "ProgressNoteAddenda");

            migrationBuilder.DropColumn(
                name: "WithheldReason",
                table: "ProgressShares");

            migrationBuilder.DropColumn(
                name: "ContentHash",
                table: "ProgressNotes");

            migrationBuilder.DropColumn(
                name: "SignedAtUtc",
                table: "ProgressNotes");

            migrationBuilder.DropColumn(
                name: "SignedByUserId",
                table: "ProgressNotes");
        }
    }
}
