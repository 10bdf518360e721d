/* Trust Your Gut chat widget.
 *
 * On the project's own page, or on any site with one tag:
 *   <script src="https://chat.example.org/widget.js" data-bot-url="https://bot.example.org" data-topic="gaming"
 *           data-source="stmarys-newsletter" async></script>
 * Talks to Rasa's socket.io channel, falls back to its REST channel, keeps the conversation
 * in sessionStorage (a reload continues it), and shows the helplines itself when the bot
 * does not answer. Every text is put into the page as text, never as HTML.
 */
