import type { Translation } from './locale.js';
import type { ErrorsEnglish } from './errors.js';

/** French field errors, loaded only by elements shown in French. */
const fr: Translation<ErrorsEnglish> = {
  'error.empty': 'Saisissez un nombre.',
  'error.required': 'Ce champ est obligatoire.',
  'error.invalid': "Ce n'est pas un nombre.",
  'error.notANumber': "Ce n'est pas un nombre.",
  'error.ambiguous': 'Ambigu : écrivez {example} pour un millier, ou utilisez la virgule pour les décimales.',
  'error.mixedSeparators': 'Les séparateurs sont mélangés. Écrivez par exemple {example}.',
  'error.tooManyDecimals': 'Trop de décimales pour cette devise.',
  'error.negative': 'Doit être supérieur ou égal à zéro.',
  'error.outOfRange': 'Doit être compris entre {min} et {max}.',
  'error.notInteger': 'Doit être un nombre entier.',
  'error.tooLarge': 'Ce nombre est trop grand.',
  'error.strayLetters': 'Retirez les lettres : seul un symbole ou un code de devise (comme € ou EUR) peut accompagner le nombre.',
  'error.straySign': 'Utilisez un seul signe moins, avant le nombre.',
  'error.badSeparator': 'Un séparateur est doublé ou placé à la fin. Retirez-le.',
  'error.badGrouping': 'Ces groupes de chiffres ne sont pas des milliers : groupez les chiffres par trois, comme 1 234 567.',
  'error.groupingReadings':
    'Vouliez-vous dire {decimal} ou {grouped} ? Un séparateur de milliers est suivi d’exactement trois chiffres.',
  'error.notation': 'Écrivez le nombre en entier, sans exposant ni hexadécimal (comme 1e5 ou 0x1F).',
  'error.atLeast': 'Doit être supérieur ou égal à {min}.',
  'error.atMost': 'Doit être inférieur ou égal à {max}.',
  'error.sumTooLarge': 'Avec {other} ({otherValue}), ce champ ne peut pas dépasser {max}.',
  'error.productTooLarge': '{a} × {b} est trop grand : au plus {max}.',
  'error.form': 'Ces chiffres ne peuvent pas être calculés. Vérifiez les champs et essayez des nombres plus petits.',
};

export default fr;
